package org.pixeldistill.core.config;

/**
 * Teacher -> assistant -> student (METHOD.md, TAS). Stage 1 compresses the model: the assistant,
 * the student's architecture at the teacher's input size, learns from the teacher with
 * {@code assistant_distill}. Stage 2 compresses the input: the student, the same architecture at
 * its smaller size, learns from the frozen assistant with the run's {@code distill} section
 * (the paper's: kd + isrd + feature).
 *
 * @param assistantDistill stage 1 losses (default: KD)
 * @param assistantEpochs stage 1 epochs (0 = the run's train.epochs)
 * @param initFromAssistant the student starts from the assistant's weights (CNNs only: a ViT's
 *     position embedding is sized for its input)
 */
public record TasConfig(DistillConfig assistantDistill, Integer assistantEpochs, Boolean initFromAssistant) {
    public TasConfig {
        assistantDistill = assistantDistill == null ? DistillConfig.of(KdConfig.KIND.defaults()) : assistantDistill;
        assistantEpochs = assistantEpochs == null ? 0 : assistantEpochs;
        initFromAssistant = initFromAssistant == null ? Boolean.TRUE : initFromAssistant;
    }

    public void validate() {
        if (assistantDistill.isEmpty()) {
            throw new ConfigException("tas.assistant_distill needs at least one distiller (kd: {} is the default)");
        }
        assistantDistill.validate("tas.assistant_distill");
        Check.atLeast("tas.assistant_epochs", assistantEpochs, 0);
    }
}
