package org.pixeldistill.ui.setup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import java.util.HashSet;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.validation.ValidationSupport;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.model.Backbones;

/**
 * The setup panel: data, networks, method, training length and the student's live cost. Binds
 * every control to {@link SetupViewModel} and does nothing else; tooltips explain each parameter.
 */
public final class SetupView {
    static final List<Double> WIDTHS = List.of(0.125, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0);

    private final SetupViewModel vm;
    private final ScrollPane root;
    private final SetupValidation validation;
    /** The "Sweep sizes" section; the training side adds its button and cell list ({@link #addSweepControls}). */
    private FormGrid sweep;
    /** Asks for a weights file; replaced in tests, where a dialog would wait for ever. */
    private UnaryOperator<Path> weightsDialog = start -> WeightsChooser.askInDialog(node(), start);

    public SetupView(SetupViewModel vm) {
        this.vm = vm;
        this.validation = new SetupValidation(vm.invalidProperty());
        VBox box = new VBox(4, demoButton(), data().node(), networks().node(), method().node(), training().node(),
                cost().node(), sweep().node());
        box.setPrefWidth(380);
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setId("setup-panel");
    }

    public Parent node() {
        return root;
    }

    private Node demoButton() {
        Button demo = new Button("Classroom demo");
        demo.setId("classroom-demo");
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.setTooltip(FormGrid.tooltip(SetupChoices.classroomSummary()));
        demo.setOnAction(e -> vm.classroomDemo());
        HBox bar = new HBox(demo);
        HBox.setHgrow(demo, Priority.ALWAYS);
        bar.setStyle("-fx-padding: 8 8 0 8;");
        return bar;
    }

    private FormGrid data() {
        FormGrid f = new FormGrid();
        f.addHeading("Data");
        ToggleGroup source = new ToggleGroup();
        RadioButton demo = new RadioButton("Demo: Fashion-MNIST slice");
        demo.setId("data-demo");
        demo.setToggleGroup(source);
        demo.setTooltip(FormGrid.tooltip("The committed slice of Fashion-MNIST (10,000 training and 2,000 test images of"
                + " clothing, 28x28 grey) in " + vm.demoData() + "."));
        RadioButton own = new RadioButton("Own folder");
        own.setId("data-own");
        own.setToggleGroup(source);
        own.setTooltip(FormGrid.tooltip("A data set of your own: the four Fashion-MNIST IDX files, a CUB-200-2011 folder,"
                + " or one folder of images per class (optionally under train/ and test/)."));
        (vm.useDemoProperty().get() ? demo : own).setSelected(true);
        demo.selectedProperty().addListener((o, was, is) -> vm.useDemoProperty().set(is));
        vm.useDemoProperty().addListener((o, was, is) -> (is ? demo : own).setSelected(true));
        f.addWide(new HBox(12, demo, own));

        ComboBox<String> layout = f.add("Layout", new ComboBox<>(FXCollections.observableArrayList(DataConfig.DATASETS)),
                "data-layout", "How your folder is organised: fashion-mnist (IDX files), cub (images.txt,"
                        + " image_class_labels.txt, train_test_split.txt, images/) or image-folder (a folder per class).");
        layout.valueProperty().bindBidirectional(vm.layoutProperty());
        layout.disableProperty().bind(vm.useDemoProperty());
        Button choose = new Button("Choose folder...");
        choose.setId("data-choose");
        choose.setTooltip(FormGrid.tooltip("Pick the data set's folder; nothing is copied or uploaded."));
        choose.setOnAction(e -> chooseFolder());
        f.addWide(choose);
        Label folder = wrapped("data-folder");
        folder.textProperty().bind(Bindings.when(vm.useDemoProperty()).then(vm.demoData().toString())
                .otherwise(vm.folderProperty()));
        f.addWide(folder);
        Label summary = wrapped("data-summary");
        summary.textProperty().bind(vm.dataSummaryProperty());
        f.addWide(summary);
        Label error = wrapped("data-error");
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(vm.dataErrorProperty());
        error.visibleProperty().bind(vm.dataErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        f.addWide(error);
        return f;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Data set folder");
        String current = vm.folderProperty().get();
        if (!current.isBlank() && Files.isDirectory(Path.of(current))) {
            chooser.setInitialDirectory(new File(current));
        }
        File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (dir != null) {
            vm.chooseFolder(dir.toPath(), vm.layoutProperty().get());
        }
    }

    private FormGrid networks() {
        FormGrid f = new FormGrid();
        f.addHeading("Networks");
        BooleanBinding noTeacher = vm.methodProperty().isEqualTo(Method.BASELINE);
        ComboBox<String> teacher = f.add("Teacher", backbones(), "teacher-backbone",
                "The large network that teaches, seeing the full-size image. Trained first (once: later runs with the"
                        + " same teacher reuse it from runs/teachers/).");
        teacher.valueProperty().bindBidirectional(vm.teacherBackboneProperty());
        ComboBox<Double> teacherWidth = f.add("Teacher width", widths(), "teacher-width",
                "Channel width multiplier of the teacher (1 = the published network; 0.25 trains about 16x faster).");
        teacherWidth.valueProperty().bindBidirectional(vm.teacherWidthProperty());
        var teacherSize = f.add("Teacher size", FormGrid.integers(2, 1024, 1, vm.teacherSizeProperty()), "teacher-size",
                "Side in pixels of the teacher's input: the full resolution (28 for Fashion-MNIST, 224 for photographs)."
                        + " The student's size is this divided by r.");
        var teacherEpochs = f.add("Teacher epochs", FormGrid.integers(1, 1000, 1, vm.teacherEpochsProperty()),
                "teacher-epochs", "Passes over the training images for the teacher (trained once, then reused).");
        var teacherImages = f.add("Teacher images", FormGrid.integers(0, 10_000_000, 500, vm.teacherTrainLimitProperty()),
                "teacher-train-limit", "Training images of the teacher, the same number per class (0 = all). A teacher"
                        + " usually learns from more images than its student has labels for: distillation then passes"
                        + " on what the student's few labels cannot teach it.");
        Node teacherWeights = f.addNode("Teacher weights",
                WeightsChooser.of("teacher", vm.teacherWeightsProperty(), start -> weightsDialog.apply(start)),
                WeightsChooser.TIP);
        validation.check(teacherSize, FieldChecks.Field.TEACHER_SIZE);
        validation.check(teacherEpochs, FieldChecks.Field.TEACHER_EPOCHS);
        validation.check(teacherImages, FieldChecks.Field.TEACHER_TRAIN_LIMIT);
        for (var c : List.of(teacher, teacherWidth, teacherSize, teacherEpochs, teacherImages, teacherWeights)) {
            c.disableProperty().bind(noTeacher);
        }
        ComboBox<String> student = f.add("Student", backbones(), "student-backbone",
                "The network that is deployed: it sees the small image and is what the cost readout counts.");
        student.valueProperty().bindBidirectional(vm.studentBackboneProperty());
        ComboBox<Double> studentWidth = f.add("Student width", widths(), "student-width",
                "Channel width multiplier of the student: fewer channels, fewer MACs and parameters.");
        studentWidth.valueProperty().bindBidirectional(vm.studentWidthProperty());
        f.addNode("Student weights",
                WeightsChooser.of("student", vm.studentWeightsProperty(), start -> weightsDialog.apply(start)),
                WeightsChooser.TIP);
        Slider slider = new Slider(0, 1, 0);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setBlockIncrement(1);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.maxProperty().bind(Bindings.size(vm.ratios()).subtract(1));
        slider.setValue(vm.resolutionIndexProperty().get());
        // Rounded both ways (not a bidirectional binding) so the label follows the thumb while it is dragged.
        slider.valueProperty().addListener((o, was, is) -> {
            int index = (int) Math.round(is.doubleValue());
            if (index != vm.resolutionIndexProperty().get()) {
                vm.resolutionIndexProperty().set(index);
            }
        });
        vm.resolutionIndexProperty().addListener((o, was, is) -> {
            if ((int) Math.round(slider.getValue()) != is.intValue()) {
                slider.setValue(is.intValue());
            }
        });
        f.add("Student size", slider, "resolution-slider", "The student's input size: the teacher's size divided by the"
                + " reduction ratio r (1, 2, 4 or 8). Smaller images need fewer sensor pixels, bytes and MACs; the cost"
                + " readout below shows how many.");
        Label size = wrapped("resolution-label");
        size.textProperty().bind(vm.resolutionTextProperty());
        size.setStyle("-fx-font-weight: bold;");
        f.addWide(size);
        return f;
    }

    /** Replaces the weights file chooser (tests): gets the folder to start in, returns the file or null. */
    void setWeightsDialog(UnaryOperator<Path> ask) {
        this.weightsDialog = ask;
    }

    private FormGrid method() {
        FormGrid f = new FormGrid();
        f.addHeading("Method");
        ComboBox<Method> method = f.add("Method", new ComboBox<>(FXCollections.observableArrayList(Method.values())),
                "method", "baseline: the student alone. KD: soft targets of the teacher. AT: attention maps. ISRD + KD:"
                        + " the paper's pixel distillation. TAS: teacher -> assistant -> student, one gap at a time.");
        method.valueProperty().bindBidirectional(vm.methodProperty());
        Label explanation = wrapped("method-explanation");
        explanation.textProperty().bind(Bindings.createStringBinding(
                () -> vm.methodProperty().get() == null ? "" : vm.methodProperty().get().explanation(), vm.methodProperty()));
        f.addWide(explanation);
        var eta = f.add("eta", FormGrid.doubles(0, 1000, 5, vm.etaProperty()), "eta",
                "Weight of the ISRD reconstruction loss (eta x L1 between the image rebuilt from the student's first"
                        + " features and the teacher's large image): " + IsrdConfig.ETA_RULE + ".");
        eta.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.methodProperty().get() == null || !vm.methodProperty().get().usesIsrd(), vm.methodProperty()));
        var t = f.add("Temperature", FormGrid.doubles(0.5, 20, 0.5, vm.temperatureProperty()), "temperature",
                "KD temperature t: both networks' logits are divided by t before the softmax, so the student also"
                        + " learns which wrong classes the teacher finds plausible (4 in the paper).");
        var alpha = f.add("alpha", FormGrid.doubles(0, 1, 0.05, vm.alphaProperty()), "alpha",
                "KD weight: (1 - alpha) x cross-entropy with the labels + alpha x t^2 x KL to the teacher (0.9 in the"
                        + " paper).");
        BooleanBinding noKd = Bindings.createBooleanBinding(
                () -> vm.methodProperty().get() == null || !vm.methodProperty().get().usesKd(), vm.methodProperty());
        validation.check(eta, FieldChecks.Field.ETA);
        validation.check(t, FieldChecks.Field.TEMPERATURE);
        validation.check(alpha, FieldChecks.Field.ALPHA);
        t.disableProperty().bind(noKd);
        alpha.disableProperty().bind(noKd);
        return f;
    }

    private FormGrid training() {
        FormGrid f = new FormGrid();
        f.addHeading("Training");
        var epochs = f.add("Epochs", FormGrid.integers(1, 1000, 1, vm.epochsProperty()), "epochs",
                "Passes over the training images for the student (and for a TAS assistant).");
        var seeds = f.add("Seeds", FormGrid.integers(1, 10, 1, vm.seedsProperty()), "seeds",
                "How many times the student is trained with different random seeds (0, 1, ...): the summary gives the"
                        + " mean and spread, as the paper reports (5 runs).");
        var trainImages = f.add("Train images", FormGrid.integers(0, 10_000_000, 500, vm.trainLimitProperty()),
                "train-limit",
                "Labelled training images of the student, the same number per class (0 = all): fewer is faster."
                        + " The teacher has its own number (Teacher images).");
        var testImages = f.add("Test images", FormGrid.integers(0, 10_000_000, 100, vm.testLimitProperty()),
                "test-limit", "Use at most this many test images for the accuracy after each epoch (0 = all).");
        validation.check(epochs, FieldChecks.Field.EPOCHS);
        validation.check(seeds, FieldChecks.Field.SEEDS);
        validation.check(trainImages, FieldChecks.Field.TRAIN_LIMIT);
        validation.check(testImages, FieldChecks.Field.TEST_LIMIT);
        ComboBox<String> device = f.add("Device", new ComboBox<>(FXCollections.observableArrayList(RunConfig.DEVICES)),
                "device", "auto: a CUDA GPU when the engine sees one, else the CPU. gpu stops with an error when there is"
                        + " none.");
        device.valueProperty().bindBidirectional(vm.deviceProperty());
        DeviceTooltip.addEngineFacts(device.getTooltip());
        return f;
    }

    private FormGrid cost() {
        FormGrid f = new FormGrid();
        f.addHeading("Cost of the student");
        var bandwidth = f.add("Bandwidth (Mbit/s)", FormGrid.doubles(0.01, 100_000, 0.5, vm.bandwidthProperty()),
                "bandwidth",
                "Speed of the link an image is sent over (a camera to a server, say), in 10^6 bits per second: sets the"
                        + " transmission times below.");
        Label readout = wrapped("cost-readout");
        readout.textProperty().bind(vm.costTextProperty());
        readout.setTooltip(FormGrid.tooltip("What one student image and one forward pass cost at the chosen size:"
                + " sensor pixels; bytes raw (8 bits per sample) and as PNG or JPEG (quality 75), averaged over test"
                + " images; multiply-accumulates and parameters of the network (ISRD's decoder is used in training"
                + " only and costs nothing at inference); and the time to send one image."));
        f.addWide(readout);
        validation.check(bandwidth, FieldChecks.Field.BANDWIDTH);
        return f;
    }

    /** Methods to sweep (a check per method); the button and the cell list come from the training side. */
    private FormGrid sweep() {
        sweep = new FormGrid();
        sweep.addHeading("Sweep sizes");
        CheckComboBox<Method> methods = new CheckComboBox<>(FXCollections.observableArrayList(Method.values()));
        for (Method m : vm.sweepMethods()) {
            methods.getCheckModel().check(m);
        }
        // both ways, without loops: each side changes the other only when they differ
        methods.getCheckModel().getCheckedItems().addListener((ListChangeListener<Method>) c -> {
            List<Method> checked = List.copyOf(methods.getCheckModel().getCheckedItems());
            if (!new HashSet<>(checked).equals(new HashSet<>(vm.sweepMethods()))) {
                vm.sweepMethods().setAll(checked);
            }
        });
        vm.sweepMethods().addListener((ListChangeListener<Method>) c -> {
            for (Method m : Method.values()) {
                boolean want = vm.sweepMethods().contains(m);
                if (methods.getCheckModel().isChecked(m) != want) {
                    if (want) {
                        methods.getCheckModel().check(m);
                    } else {
                        methods.getCheckModel().clearCheck(m);
                    }
                }
            }
        });
        methods.setTitle("methods");
        methods.setShowCheckedCount(false);
        sweep.add("Methods", methods, "sweep-methods", "The methods trained at every size of the Student size"
                + " slider: the method chosen above and the baseline to begin with; tick more to compare them.");
        Label plan = wrapped("sweep-plan");
        plan.textProperty().bind(Bindings.createStringBinding(() -> SizeSweeps.describe(vm.ratios(),
                vm.teacherSizeProperty().get(), vm.sweepMethods()), vm.ratios(), vm.teacherSizeProperty(),
                vm.sweepMethods()));
        sweep.addWide(plan);
        return sweep;
    }

    /** The decorations of out-of-range fields (tests read the message a field shows). */
    public ValidationSupport validation() {
        return validation.support();
    }

    /** Puts the sweep's button and cell list under the method picker. */
    public void addSweepControls(Node node) {
        sweep.addWide(node);
    }

    private static Label wrapped(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static ComboBox<String> backbones() {
        return new ComboBox<>(FXCollections.observableArrayList(Backbones.NAMES));
    }

    private static ComboBox<Double> widths() {
        ComboBox<Double> box = new ComboBox<>(FXCollections.observableArrayList(WIDTHS));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double w) {
                return w == null ? "" : "x" + w;
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("x", "").trim());
            }
        });
        return box;
    }
}
