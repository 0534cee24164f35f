package hudson.model;

import hudson.util.XStream2;
import java.util.List;

public class Items {
    public static final XStream2 XSTREAM2 = null;

    public static <T extends Item> List<T> getAllItems(final ItemGroup root, Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
