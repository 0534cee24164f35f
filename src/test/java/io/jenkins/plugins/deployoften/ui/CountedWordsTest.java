package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** A count is followed by the singular for one and the plural otherwise, never by "(s)". */
public class CountedWordsTest {
    private Locale before;

    @Before
    public void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @After
    public void restore() {
        Locale.setDefault(before);
    }

    @Test
    public void theWidgetsCountsAgreeWithTheirNumber() {
        assertThat(Messages.DeployHealthWidget_jobs(0)).isEqualTo("0 jobs deploy");
        assertThat(Messages.DeployHealthWidget_jobs(1)).isEqualTo("1 job deploys");
        assertThat(Messages.DeployHealthWidget_jobs(5000)).isEqualTo("5,000 jobs deploy");
        assertThat(Messages.DeployHealthWidget_blocked(1)).isEqualTo("1 blocked gate");
        assertThat(Messages.DeployHealthWidget_blocked(2)).isEqualTo("2 blocked gates");
        assertThat(Messages.DeployHealthWidget_goingStale(1, 2)).isEqualTo("1 goes stale within 2 days");
        assertThat(Messages.DeployHealthWidget_goingStale(3, 2)).isEqualTo("3 go stale within 2 days");
        assertThat(Messages.LedgerStore_imported(1, 1, 1))
                .startsWith("Imported 1 new deploy record of the 1 found in" + " the job folders of 1 job;");
    }

    @Test
    public void noMessageCountsWithParentheses() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("Messages.properties")) {
            messages.load(in);
        }

        assertThat(messages).isNotEmpty();
        assertThat(messages.entrySet())
                .filteredOn(entry -> entry.getValue().toString().matches("(?s).*\\w\\(s\\).*"))
                .isEmpty();
    }
}
