package org.kohsuke.stapler;

import net.sf.json.JSONObject;
import jakarta.servlet.http.HttpServletRequest;

public interface StaplerRequest2 extends HttpServletRequest {
    String getRestOfPath();

    void bindJSON(Object bean, JSONObject src);
}
