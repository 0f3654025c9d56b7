package io.megalogout.megaapi.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The cases exclude one another and leave nothing out; {@link TargetsTest} has each one's message. */
class MissingSettingTest {

    @Test
    void everyPossibleSituationFitsExactlyOneCase() {
        for (int bits = 0; bits < 16; bits++) {
            var situation = new MissingSetting.Situation((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0,
                    (bits & 8) != 0);
            // A base URL of its own is a base URL, and comes with an entry of its own.
            boolean possible = !situation.ownBaseUrl() || situation.baseUrl() && situation.ownEntry();
            if (possible) {
                assertThat(Stream.of(MissingSetting.values()).filter(missing -> missing.fits(situation)))
                        .as(situation.toString()).hasSize(1);
            }
        }
    }
}
