package org.pixeldistill.ui.setup;

import org.pixeldistill.core.config.DataConfig;

/**
 * What the cost readout depends on: the data set (its test images are encoded to measure bytes;
 * its channels and classes shape the network), the student's network and size, and the link.
 */
record CostRequest(DataConfig data, String backbone, double width, String stem, int size, int teacherSize,
        double bandwidthMbps) {}
