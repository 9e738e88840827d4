#include "export/export_dialog.h"

#include <QCheckBox>
#include <QDir>
#include <QComboBox>
#include <QDialogButtonBox>
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
const char* const kPresets[] = {"ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower"};
enum RangeChoice { kWhole = 0, kInOut = 1, kFrames = 2 };

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
    for (auto* box : {first_, last_}) box->setRange(0, 100000000);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(range_, 1);
    rangeRow->addWidget(first_);
    rangeRow->addWidget(new QLabel(QStringLiteral("–"), this));
    rangeRow->addWidget(last_);
    form->addRow(tr("Range"), rangeRow);

    auto* format = new QLabel(tr("H.264 + AAC in MP4, project size and frame rate"), this);
    form->addRow(tr("Format"), format);
    crf_ = new QSpinBox(this);
    crf_->setRange(0, 51);
    crf_->setValue(18);
    crf_->setToolTip(tr("Constant rate factor: lower is better quality and bigger files (18 is visually lossless)"));
    form->addRow(tr("Quality (CRF)"), crf_);
    preset_ = new QComboBox(this);
    for (const char* p : kPresets) preset_->addItem(QString::fromLatin1(p));
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
        const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), path_->text(), tr("MP4 video (*.mp4)"));
        if (!chosen.isEmpty()) setOutputPath(chosen.endsWith(QStringLiteral(".mp4")) ? chosen : chosen + QStringLiteral(".mp4"));
    });
    connect(range_, &QComboBox::currentIndexChanged, this, &ExportDialog::updateRangeFields);
    connect(start_, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        engine_.request({{"cmd", "export_cancel"}}, [](const nlohmann::json&) {}, 2000, this);
    });
    connect(close, &QPushButton::clicked, this, &QDialog::hide);

    const QString base = doc_.filePath().isEmpty() ? QDir::homePath() + QStringLiteral("/untitled")
                                                   : doc_.filePath().left(doc_.filePath().lastIndexOf('.'));
    setOutputPath(base + QStringLiteral(".mp4"));
    const auto& editor = doc_.editorState();
    range_->setCurrentIndex(editor.inPoint || editor.outPoint ? kInOut : kWhole);
    updateRangeFields();
    setRunning(false);
}

void ExportDialog::setOutputPath(const QString& path) { path_->setText(path); }

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
    for (QWidget* w : std::initializer_list<QWidget*>{path_, range_, crf_, preset_, audio_}) w->setEnabled(!running);
    updateRangeFields();
    if (running) poll_->start();
    else poll_->stop();
}

void ExportDialog::startExport() {
    if (running_) return;
    const QString path = QFileInfo(path_->text()).absoluteFilePath();
    updateRangeFields();
    nlohmann::json request = {{"cmd", "export_start"},
                              {"path", path.toStdString()},
                              {"range", {first_->value(), last_->value() + 1}},
                              {"crf", crf_->value()},
                              {"preset", preset_->currentText().toStdString()},
                              {"audio", audio_->isChecked()}};
    status_->setText(tr("Starting…"));
    progress_->setValue(0);
    runningPath_ = path;
    setRunning(true);
    engine_.request(std::move(request), [this](const nlohmann::json& reply) {
        if (!reply.value("ok", false)) {
            setRunning(false);
            const QString message = QString::fromStdString(reply["error"].value("message", "export failed"));
            status_->setText(message);
            Q_EMIT finished(QStringLiteral("failed"), runningPath_, message);
        }
    }, 10000, this);
}

void ExportDialog::poll() {
    engine_.request({{"cmd", "export_status"}}, [this](const nlohmann::json& reply) {
        if (!running_ || !reply.value("ok", false)) return;
        const auto& s = reply["export"];
        const std::string state = s.value("state", "");
        const double done = s.value("frames_done", 0.0), total = s.value("frames_total", 0.0);
        const double fps = s.value("fps", 0.0);
        progress_->setValue(static_cast<int>(1000 * s.value("progress", 0.0)));
        if (state == "running") {
            const double left = fps > 0 ? (total - done) / fps : 0;
            status_->setText(tr("%1 / %2 frames · %3 fps · %4 left").arg(done).arg(total).arg(fps, 0, 'f', 1).arg(duration(left)));
            return;
        }
        setRunning(false);
        QString message;
        if (state == "idle")  // a new engine, after the one exporting died
            message = tr("The engine stopped during the export; nothing was written to %1.").arg(runningPath_);
        else if (state == "done") message = tr("Exported %1 frames to %2").arg(done).arg(runningPath_);
        else if (state == "cancelled") message = tr("Export cancelled; nothing was written.");
        else message = QString::fromStdString(s.contains("error") ? s["error"].value("message", "") : "export failed");
        status_->setText(message);
        Q_EMIT finished(state == "idle" ? QStringLiteral("failed") : QString::fromStdString(state), runningPath_, message);
    }, 2000, this);
}

} // namespace entropic::app
