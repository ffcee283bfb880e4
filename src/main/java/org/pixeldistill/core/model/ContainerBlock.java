package org.pixeldistill.core.model;

import ai.djl.nn.AbstractBlock;

/**
 * Base of the project's blocks that hold other blocks: it remembers, once true, that its
 * parameters are initialised, for the reason {@link Sequential} gives (DJL asks every block on
 * every training forward pass, and a container answers by listing all its descendants'
 * parameters).
 */
abstract class ContainerBlock extends AbstractBlock {

    private boolean initialized;

    ContainerBlock() {}

    ContainerBlock(byte version) {
        super(version);
    }

    @Override
    public boolean isInitialized() {
        if (!initialized) {
            initialized = super.isInitialized();
        }
        return initialized;
    }
}
