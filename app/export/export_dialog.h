#pragma once
// File ▸ Export: output path, range (whole timeline, in/out, or frames),
// format (H.264/H.265 MP4, ProRes 422 HQ/4444 MOV, VP9 WebM, animated GIF,
// PNG sequence), size, frame rate, quality, sound on/off. The engine encodes (export_start);
// the dialog polls export_status and shows frames done, speed and time left.
// It is not modal: the editor stays usable while the export runs.
#include <QDialog>

#include "export/export_eta.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QCheckBox;
class QSpinBox;
class QTimer;

namespace entropic::app {

class EngineSupervisor;
class ProjectDocument;

class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    ExportDialog(ProjectDocument& doc, EngineSupervisor& engine, QWidget* parent = nullptr);

    void setOutputPath(const QString& path);
    // Starts with the dialog's settings (also what the Export button does).
    void startExport();
    bool running() const { return running_; }

  Q_SIGNALS:
    // state: "done", "failed" or "cancelled"; message for the user.
    void finished(const QString& state, const QString& path, const QString& message);

  private:
    void poll();
    void updateRangeFields();
    void setRunning(bool running);
    void onFormatChanged();

    ProjectDocument& doc_;
    EngineSupervisor& engine_;
    QLineEdit* path_;
    QComboBox* range_;
    QComboBox* format_;
    QComboBox* size_;
    QSpinBox* width_;
    QSpinBox* height_;
    QComboBox* rate_;
    QSpinBox* gifWidth_;
    QSpinBox* first_;
    QSpinBox* last_;
    QSpinBox* crf_;
    QComboBox* preset_;
    QCheckBox* audio_;
    QProgressBar* progress_;
    QLabel* status_;
    QPushButton* start_;
    QPushButton* cancel_;
    QTimer* poll_;
    bool running_ = false;
    QString runningPath_;
    ExportEta eta_;
};

} // namespace entropic::app
