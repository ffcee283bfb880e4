package org.pixeldistill.cli;

import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostWeights;
import org.pixeldistill.core.cost.ImageBytes;
import picocli.CommandLine.Option;

/** How costs are measured and weighted, shared by {@code cost} and {@code sweep}. */
final class CostOptions {
    @Option(names = "--jpeg-quality", description = "1-100 (default: ${DEFAULT-VALUE})")
    int jpegQuality = ImageBytes.DEFAULT_JPEG_QUALITY;

    @Option(names = "--bandwidth-mbps", description = "link speed, Mbit/s (default: ${DEFAULT-VALUE})")
    double bandwidthMbps = CostModel.DEFAULT_BANDWIDTH_MBPS;

    @Option(names = "--encoding", description = "raw | png | jpeg: what is sent (default: ${DEFAULT-VALUE})")
    String encoding = "jpeg";

    @Option(names = "--weights", description = "weighted_total = macs*GMACs + params*M params + bytes*kB + transmit*ms "
            + "(default: ${DEFAULT-VALUE})")
    String weights = "macs=1,params=0,bytes=0,transmit=0";

    @Option(names = "--images", description = "test images the byte counts average over (default: ${DEFAULT-VALUE})")
    int images = ImageBytes.DEFAULT_IMAGES;

    CostModel model() {
        return new CostModel(jpegQuality, bandwidthMbps, encoding, CostWeights.parse(weights), images);
    }
}
