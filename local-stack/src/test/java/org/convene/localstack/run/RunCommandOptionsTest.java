package org.convene.localstack.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class RunCommandOptionsTest {

    @Test
    void defaultsKeepDataAndUseTheDocumentedPorts() {
        RunCommand.Options o = RunCommand.Options.parse(new String[0]);
        assertThat(o.clean).isFalse();
        assertThat(o.demoData).isTrue();
        assertThat(o.dataDir).isEqualTo(Path.of(".local-stack"));
        assertThat(o.stack().kafkaPort()).isEqualTo(19092);
        assertThat(o.stack().postgresPort()).isEqualTo(15432);
        assertThat(o.stack().mailPagePort()).isEqualTo(8025);
        assertThat(o.services).isEqualTo(new ConveneServices.ServicePorts(8081, 8080, 8082));
    }

    @Test
    void everyPortCanBeMoved() {
        RunCommand.Options o = RunCommand.Options.parse(new String[] { "--clean", "--kafka-port", "29092",
                "--postgres-port", "25432", "--smtp-port", "3525", "--mail-page-port", "9025",
                "--registration-port", "9080", "--events-port", "9081", "--notification-port", "9082",
                "--data-dir", "elsewhere/convene" });
        assertThat(o.clean).isTrue();
        assertThat(o.stack()).isEqualTo(new org.convene.localstack.LocalStack.Settings(Path.of("elsewhere/convene"), true,
                29092, 19093, 25432, 3525, 9025));
        assertThat(o.services).isEqualTo(new ConveneServices.ServicePorts(9081, 9080, 9082));
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> RunCommand.Options.parse(new String[] { "--kafka-port", "99999" }))
                .hasMessageContaining("--kafka-port").hasMessageContaining("99999");
        assertThatThrownBy(() -> RunCommand.Options.parse(new String[] { "--kafka-port" }))
                .hasMessageContaining("--kafka-port needs a value");
        assertThatThrownBy(() -> RunCommand.Options.parse(new String[] { "--colour" }))
                .hasMessageContaining("Unknown option --colour");
    }
}
