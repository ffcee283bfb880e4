package org.pixeldistill.core.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One training run as written in a YAML file under sample-configs/. Without a teacher it trains a
 * single model (a teacher or a baseline student); with one, the model is a student distilled from
 * it: the teacher sees the large view at its own input size, the student the same crop at
 * {@code model.input_size}.
 *
 * @param device auto | cpu | gpu
 * @param tas when present, teacher -> assistant -> student (TAS): the assistant (the student's
 *     architecture at the teacher's input size) is distilled from the teacher first, then the
 *     student from the assistant with {@code distill}
 * @param detect when present, the model is a detector (METHOD.md, AFP) trained on a detection
 *     data set; a teacher then distils with {@code detect.distill}
 */
public record RunConfig(
        String name,
        String device,
        DataConfig data,
        ModelConfig model,
        TeacherRef teacher,
        DistillConfig distill,
        TrainConfig train,
        TasConfig tas,
        // left out when absent, so a classifier's config (and its hash, which names cached teachers
        // and sweep cells) reads exactly as before detectors existed
        @JsonInclude(JsonInclude.Include.NON_NULL) DetectConfig detect) {

    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");

    public RunConfig {
        name = name == null ? "run" : name;
        device = device == null ? "auto" : device;
        data = data == null ? new DataConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null) : data;
        model = model == null ? new ModelConfig(null, null, null, null, null) : model;
        distill = distill == null ? DistillConfig.none() : distill;
        train = train == null ? new TrainConfig(null, null, null, null, null, null, null, null, null, null, null, null) : train;
    }

    /** A classification run (no detect section), the shape most code builds. */
    public RunConfig(String name, String device, DataConfig data, ModelConfig model, TeacherRef teacher,
            DistillConfig distill, TrainConfig train, TasConfig tas) {
        this(name, device, data, model, teacher, distill, train, tas, null);
    }

    public RunConfig withDetect(DetectConfig newDetect) {
        return new RunConfig(name, device, data, model, teacher, distill, train, tas, newDetect);
    }

    @JsonIgnore
    public boolean isDetection() {
        return detect != null;
    }

    public RunConfig withName(String newName) {
        return new RunConfig(newName, device, data, model, teacher, distill, train, tas, detect);
    }

    public RunConfig withDevice(String newDevice) {
        return new RunConfig(name, newDevice, data, model, teacher, distill, train, tas, detect);
    }

    public RunConfig withData(DataConfig newData) {
        return new RunConfig(name, device, newData, model, teacher, distill, train, tas, detect);
    }

    public RunConfig withTrain(TrainConfig newTrain) {
        return new RunConfig(name, device, data, model, teacher, distill, newTrain, tas, detect);
    }

    public RunConfig withTeacher(TeacherRef newTeacher) {
        return new RunConfig(name, device, data, model, newTeacher, distill, train, tas, detect);
    }

    public RunConfig withModel(ModelConfig newModel) {
        return new RunConfig(name, device, data, newModel, teacher, distill, train, tas, detect);
    }

    public RunConfig withDistill(DistillConfig newDistill) {
        return new RunConfig(name, device, data, model, teacher, newDistill, train, tas, detect);
    }

    /** The same run without the TAS section: a one-stage distillation or a single model. */
    public RunConfig withoutTas() {
        return new RunConfig(name, device, data, model, teacher, distill, train, null, detect);
    }

    /** Not named isTas: Jackson would take that for the tas property and ignore the section. */
    public boolean hasTas() {
        return tas != null;
    }

    @JsonIgnore
    public boolean isDistillation() {
        return teacher != null;
    }

    public void validate() {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ConfigException("name may hold only letters, digits, '.', '_' and '-', got '" + name + "'");
        }
        Check.oneOf("device", device, DEVICES);
        if (detect != null) {
            detect.validate(data.dataset());
            data.validateCommon();
            if (!distill.isEmpty()) {
                throw new ConfigException("a detector learns from its teacher through detect.distill;"
                        + " remove the distill section");
            }
        } else {
            data.validate();
        }
        model.validate("model");
        distill.validate("distill");
        if (model.weights() != null && detect != null) {
            throw new ConfigException("model.weights: pretrained weights load into classifiers only, not detectors");
        }
        if (train.epochs() == 0 && model.weights() != null) {
            train.withEpochs(1).validate(); // 0 epochs: pretrained weights used as they are (a teacher)
        } else {
            train.validate();
        }
        if (tas != null) {
            if (teacher == null) {
                throw new ConfigException("tas needs a teacher (set teacher.config or teacher.run)");
            }
            tas.validate();
        }
        if (teacher != null) {
            teacher.validate();
        } else if (!distill.isEmpty()) {
            throw new ConfigException("distill." + distill.active().get(0) + " needs a teacher (set teacher.config or teacher.run)");
        }
    }
}
