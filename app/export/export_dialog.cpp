#include "export/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include "model/project_document.h"
#include "supervision/engine_supervisor.h"

namespace entropic::app {
namespace {
const char* const kPresets[] = {"ultrafast", "superfast", "veryfast", "faster",
                                "fast",      "medium",    "slow",     "slower"};
enum RangeChoice { kWhole = 0, kInOut = 1, kFrames = 2 };

// The engine's export formats (docs/protocol.md, export_start), as offered here.
struct FormatChoice {
    const char* id;
    const char* label;
    const char* extension; // empty: a folder of numbered PNGs
    int maxCrf;            // 0: no CRF
    bool preset;
    bool audio;
};
constexpr FormatChoice kFormats[] = {
    {"h264", "H.264 (MP4)", ".mp4", 51, true, true},
    {"h265", "H.265 / HEVC (MP4)", ".mp4", 51, true, true},
    {"prores422", "ProRes 422 HQ (MOV)", ".mov", 0, false, true},
    {"prores4444", "ProRes 4444 with alpha (MOV)", ".mov", 0, false, true},
    {"vp9", "VP9 (WebM)", ".webm", 63, false, true},
    {"gif", "Animated GIF", ".gif", 0, false, false},
    {"png_sequence", "PNG image sequence (folder)", "", 0, false, false},
};

struct SizeChoice {
    const char* label;
    int width, height; // 0, 0: the project's; -1: custom
};
constexpr SizeChoice kSizes[] = {{"Project size", 0, 0},
                                 {"720p (1280×720)", 1280, 720},
                                 {"1080p (1920×1080)", 1920, 1080},
                                 {"4K UHD (3840×2160)", 3840, 2160},
                                 {"Custom", -1, -1}};
constexpr int kRates[] = {0, 24, 25, 30, 50, 60}; // 0: the project's

// The path with the format's extension (or, for PNGs, as a folder).
QString withExtension(const QString& path, const FormatChoice& format) {
    QString base = path;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QFileInfo info(base);
    const QString stem = info.path() + QLatin1Char('/') + info.completeBaseName();
    return *format.extension ? stem + QLatin1String(format.extension)
                             : stem + QStringLiteral("-frames/");
}

QString duration(double seconds) {
    const int s = static_cast<int>(seconds + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

ExportDialog::ExportDialog(ProjectDocument& doc, EngineSupervisor& engine, QWidget* parent)
    : QDialog(parent), doc_(doc), engine_(engine) {
    setWindowTitle(tr("Export"));
    setModal(false);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    path_ = new QLineEdit(this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("Output"), pathRow);

    range_ = new QComboBox(this);
    range_->addItems({tr("Whole timeline"), tr("In to out"), tr("Frames")});
    first_ = new QSpinBox(this);
    last_ = new QSpinBox(this);
    for (auto* box : {first_, last_})
        box->setRange(0, 100000000);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(range_, 1);
    rangeRow->addWidget(first_);
    rangeRow->addWidget(new QLabel(QStringLiteral("–"), this));
    rangeRow->addWidget(last_);
    form->addRow(tr("Range"), rangeRow);

    format_ = new QComboBox(this);
    for (const auto& f : kFormats)
        format_->addItem(tr(f.label), QString::fromLatin1(f.id));
    form->addRow(tr("Format"), format_);

    size_ = new QComboBox(this);
    for (const auto& s : kSizes)
        size_->addItem(tr(s.label));
    width_ = new QSpinBox(this);
    height_ = new QSpinBox(this);
    for (auto* box : {width_, height_})
        box->setRange(16, 8192);
    width_->setValue(doc_.project().width);
    height_->setValue(doc_.project().height);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(size_, 1);
    sizeRow->addWidget(width_);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(height_);
    form->addRow(tr("Size"), sizeRow);
    connect(size_, &QComboBox::currentIndexChanged, this, [this](int i) {
        width_->setEnabled(kSizes[i].width < 0 && !running_);
        height_->setEnabled(kSizes[i].width < 0 && !running_);
    });
    width_->setEnabled(false);
    height_->setEnabled(false);

    rate_ = new QComboBox(this);
    for (int r : kRates)
        rate_->addItem(
            r == 0 ? tr("Project (%1 fps)").arg(doc_.project().frameRate.toDouble(), 0, 'g', 5)
                   : tr("%1 fps").arg(r));
    form->addRow(tr("Frame rate"), rate_);
    gifWidth_ = new QSpinBox(this);
    gifWidth_->setRange(0, 8192);
    gifWidth_->setValue(640);
    gifWidth_->setSpecialValueText(tr("no limit"));
    gifWidth_->setSuffix(QStringLiteral(" px"));
    gifWidth_->setToolTip(tr("GIFs are scaled down to at most this width: they grow fast"));
    form->addRow(tr("GIF width"), gifWidth_);

    crf_ = new QSpinBox(this);
    crf_->setRange(0, 51);
    crf_->setValue(18);
    crf_->setToolTip(tr("Constant rate factor: lower is better quality and bigger files (18 is "
                        "visually lossless)"));
    form->addRow(tr("Quality (CRF)"), crf_);
    preset_ = new QComboBox(this);
    for (const char* p : kPresets)
        preset_->addItem(QString::fromLatin1(p));
    preset_->setCurrentText(QStringLiteral("veryfast"));
    preset_->setToolTip(tr("Slower presets make smaller files at the same quality"));
    form->addRow(tr("Preset"), preset_);
    audio_ = new QCheckBox(tr("Include sound"), this);
    audio_->setChecked(true);
    form->addRow(QString(), audio_);
    layout->addLayout(form);

    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    status_ = new QLabel(this);
    layout->addWidget(progress_);
    layout->addWidget(status_);

    auto* buttons = new QDialogButtonBox(this);
    start_ = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    cancel_ = buttons->addButton(tr("Cancel export"), QDialogButtonBox::RejectRole);
    auto* close = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    poll_ = new QTimer(this);
    poll_->setInterval(250);
    connect(poll_, &QTimer::timeout, this, &ExportDialog::poll);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), path_->text());
        if (!chosen.isEmpty())
            setOutputPath(withExtension(chosen, kFormats[std::max(0, format_->currentIndex())]));
    });
    connect(range_, &QComboBox::currentIndexChanged, this, &ExportDialog::updateRangeFields);
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
    connect(start_, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        engine_.request(
            {{"cmd", "export_cancel"}}, [](const nlohmann::json&) {}, 2000, this);
    });
    connect(close, &QPushButton::clicked, this, &QDialog::hide);

    const QString base = doc_.filePath().isEmpty()
                             ? QDir::homePath() + QStringLiteral("/untitled")
                             : doc_.filePath().left(doc_.filePath().lastIndexOf('.'));
    setOutputPath(base + QStringLiteral(".mp4"));
    const auto& editor = doc_.editorState();
    range_->setCurrentIndex(editor.inPoint || editor.outPoint ? kInOut : kWhole);
    updateRangeFields();
    setRunning(false);
    onFormatChanged();
}

void ExportDialog::onFormatChanged() {
    const FormatChoice& f = kFormats[std::max(0, format_->currentIndex())];
    crf_->setMaximum(std::max(1, f.maxCrf));
    crf_->setEnabled(f.maxCrf > 0 && !running_);
    preset_->setEnabled(f.preset && !running_);
    audio_->setEnabled(f.audio && !running_);
    gifWidth_->setEnabled(QLatin1String(f.id) == QLatin1String("gif") && !running_);
    path_->setText(withExtension(path_->text(), f));
}

void ExportDialog::setOutputPath(const QString& path) {
    path_->setText(path);
}

void ExportDialog::updateRangeFields() {
    const qint64 count = std::max<qint64>(1, doc_.project().frameCount());
    const auto& editor = doc_.editorState();
    qint64 first = 0, end = count;
    if (range_->currentIndex() == kInOut) {
        first = editor.inPoint.value_or(0);
        end = editor.outPoint.value_or(count);
    } else if (range_->currentIndex() == kFrames) {
        first = first_->value();
        end = last_->value() + 1;
    }
    first_->setValue(static_cast<int>(first));
    last_->setValue(static_cast<int>(std::max<qint64>(first, end - 1)));
    first_->setEnabled(range_->currentIndex() == kFrames && !running_);
    last_->setEnabled(range_->currentIndex() == kFrames && !running_);
}

void ExportDialog::setRunning(bool running) {
    running_ = running;
    start_->setEnabled(!running);
    cancel_->setEnabled(running);
    for (QWidget* w : std::initializer_list<QWidget*>{path_, range_, format_, size_, rate_})
        w->setEnabled(!running);
    updateRangeFields();
    if (!running)
        onFormatChanged();
    else
        for (QWidget* w :
             std::initializer_list<QWidget*>{crf_, preset_, audio_, gifWidth_, width_, height_})
            w->setEnabled(false);
    if (running)
        poll_->start();
    else
        poll_->stop();
}

void ExportDialog::startExport() {
    if (running_) return;
    const FormatChoice& f = kFormats[std::max(0, format_->currentIndex())];
    QString path = QFileInfo(path_->text()).absoluteFilePath();
    if (!*f.extension && !path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/'); // a folder of frames
    updateRangeFields();
    nlohmann::json request = {{"cmd", "export_start"},
                              {"path", path.toStdString()},
                              {"format", f.id},
                              {"range", {first_->value(), last_->value() + 1}},
                              {"crf", crf_->value()},
                              {"preset", preset_->currentText().toStdString()},
                              {"audio", f.audio && audio_->isChecked()}};
    const SizeChoice& s = kSizes[std::max(0, size_->currentIndex())];
    if (s.width != 0) {
        request["width"] = s.width > 0 ? s.width : width_->value();
        request["height"] = s.width > 0 ? s.height : height_->value();
    }
    if (const int rate = kRates[std::max(0, rate_->currentIndex())]; rate > 0)
        request["frame_rate"] = {{"num", rate}, {"den", 1}};
    if (QLatin1String(f.id) == QLatin1String("gif")) request["gif_width"] = gifWidth_->value();
    status_->setText(tr("Starting…"));
    progress_->setValue(0);
    runningPath_ = path;
    eta_.reset();
    setRunning(true);
    engine_.request(
        std::move(request),
        [this](const nlohmann::json& reply) {
            if (!reply.value("ok", false)) {
                setRunning(false);
                const QString message =
                    QString::fromStdString(reply["error"].value("message", "export failed"));
                status_->setText(message);
                Q_EMIT finished(QStringLiteral("failed"), runningPath_, message);
            }
        },
        10000, this);
}

void ExportDialog::poll() {
    engine_.request(
        {{"cmd", "export_status"}},
        [this](const nlohmann::json& reply) {
            if (!running_ || !reply.value("ok", false)) return;
            const auto& s = reply["export"];
            const std::string state = s.value("state", "");
            const double done = s.value("frames_done", 0.0), total = s.value("frames_total", 0.0);
            const double fps = s.value("fps", 0.0);
            progress_->setValue(static_cast<int>(1000 * s.value("progress", 0.0)));
            if (state == "running") {
                eta_.add(s.value("elapsed_s", 0.0), done, total);
                const auto left = eta_.secondsLeft();
                status_->setText(tr("%1 / %2 frames · %3 fps · %4")
                                     .arg(done)
                                     .arg(total)
                                     .arg(eta_.fps().value_or(fps), 0, 'f', 1)
                                     .arg(left ? tr("%1 left").arg(duration(*left))
                                               : tr("estimating time left…")));
                return;
            }
            setRunning(false);
            QString message;
            if (state == "idle") // a new engine, after the one exporting died
                message = tr("The engine stopped during the export; nothing was written to %1.")
                              .arg(runningPath_);
            else if (state == "done")
                message = tr("Exported %1 frames to %2").arg(done).arg(runningPath_);
            else if (state == "cancelled")
                message = tr("Export cancelled; nothing was written.");
            else
                message = QString::fromStdString(
                    s.contains("error") ? s["error"].value("message", "") : "export failed");
            status_->setText(message);
            Q_EMIT finished(state == "idle" ? QStringLiteral("failed")
                                            : QString::fromStdString(state),
                            runningPath_, message);
        },
        2000, this);
}

} // namespace entropic::app
