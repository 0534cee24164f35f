package io.jenkins.plugins.deployoften.benchmarks;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.io.HierarchicalStreamDriver;
import com.thoughtworks.xstream.io.HierarchicalStreamWriter;
import com.thoughtworks.xstream.io.xml.PrettyPrintWriter;
import com.thoughtworks.xstream.io.xml.StandardStaxDriver;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.CauseAction;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.CpsFlowExecution;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.DeployAction;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.EnvAction;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.FlowBuild;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.GitBranch;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.GitBuild;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.GitBuildData;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.GitRevision;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.GitScm;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.ParametersAction;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.ScmCheckout;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.StringParameterValue;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.TimeInQueueAction;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.UserIdCause;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;

/**
 * Reads and writes build.xml files the way Jenkins core 2.555.3 does ({@code hudson.XmlFile} with
 * {@code XStream2}): XStream 1.4.21 over the JDK's StAX parser, namespace-unaware and without external
 * entities; XML 1.1 pretty-printed output behind {@code <?xml version='1.1' encoding='UTF-8'?>}; a buffered
 * stream per file. Jenkins' own reflection converter does a little more work per field than XStream's
 * stock one used here, so the per-build figures are, if anything, on the fast side.
 */
final class BuildXmlCodec {
    private static final String HEADER = "<?xml version='1.1' encoding='UTF-8'?>\n";

    private final HierarchicalStreamDriver driver = new JenkinsLikeStaxDriver();
    private final XStream xstream = new XStream(driver);

    BuildXmlCodec() {
        xstream.allowTypesByWildcard(new String[] {BuildXmlCodec.class.getPackageName() + ".**"});
        xstream.alias("flow-build", FlowBuild.class);
        xstream.alias("hudson.model.CauseAction", CauseAction.class);
        xstream.alias("hudson.model.Cause$UserIdCause", UserIdCause.class);
        xstream.alias("hudson.model.ParametersAction", ParametersAction.class);
        xstream.alias("hudson.model.StringParameterValue", StringParameterValue.class);
        xstream.alias("jenkins.metrics.impl.TimeInQueueAction", TimeInQueueAction.class);
        xstream.alias("hudson.plugins.git.util.BuildData", GitBuildData.class);
        xstream.alias("hudson.plugins.git.util.Build", GitBuild.class);
        xstream.alias("hudson.plugins.git.Revision", GitRevision.class);
        xstream.alias("hudson.plugins.git.Branch", GitBranch.class);
        xstream.alias("org.jenkinsci.plugins.workflow.cps.EnvActionImpl", EnvAction.class);
        xstream.alias("org.example.deploy.DeployAction", DeployAction.class);
        xstream.alias("org.jenkinsci.plugins.workflow.cps.CpsFlowExecution", CpsFlowExecution.class);
        xstream.alias("org.jenkinsci.plugins.workflow.job.WorkflowRun$SCMCheckout", ScmCheckout.class);
        xstream.alias("hudson.plugins.git.GitSCM", GitScm.class);
    }

    void write(Path file, FlowBuild build) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write(HEADER);
            xstream.marshal(build, driver.createWriter(writer));
        }
    }

    FlowBuild read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return (FlowBuild) xstream.unmarshal(driver.createReader(in));
        } catch (RuntimeException e) {
            throw new IOException("Unable to read " + file, e);
        }
    }

    /** The driver Jenkins' XStream2 installs, rebuilt from its description (no code copied). */
    private static final class JenkinsLikeStaxDriver extends StandardStaxDriver {
        @Override
        public HierarchicalStreamWriter createWriter(Writer out) {
            return new PrettyPrintWriter(out, PrettyPrintWriter.XML_1_1, getNameCoder());
        }

        @Override
        protected XMLInputFactory createInputFactory() {
            XMLInputFactory factory = XMLInputFactory.newInstance();
            factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            return factory;
        }
    }
}
