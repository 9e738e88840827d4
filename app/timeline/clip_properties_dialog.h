#pragma once
// Clip ▸ Properties: what a clip is, read-only — its name, source file,
// track, where it sits and which part of the source it plays (start, in, out
// and duration, each as timecode and frames), whether it is enabled, where
// its sound is heard and what it is linked to. A snapshot of the clip when
// opened; non-modal, so the timeline stays usable beside it.
#include <QDialog>

namespace entropic::engine {
struct Project;
}

namespace entropic::app {

class ClipPropertiesDialog : public QDialog {
    Q_OBJECT
  public:
    ClipPropertiesDialog(const engine::Project& project, const QString& clipId,
                         QWidget* parent = nullptr);

    // A field's shown text by its label ("Duration"), for tests; empty if none.
    QString field(const QString& label) const;
};

} // namespace entropic::app
