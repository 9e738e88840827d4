#include "window/preferences_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSettings>
#include <QSpinBox>

#include "model/autosaver.h"
#include "model/history_policy.h"

namespace entropic::app {

PreferencesDialog::PreferencesDialog(HistoryPolicy& history, Autosaver& autosaver, QWidget* parent)
    : QDialog(parent), history_(history), autosaver_(autosaver) {
    setWindowTitle(tr("Preferences"));
    auto* form = new QFormLayout(this);
    steps_ = new QSpinBox(this);
    steps_->setRange(1, HistoryPolicy::kMaxStepLimit);
    steps_->setValue(history.stepLimit());
    steps_->setSuffix(tr(" steps"));
    steps_->setToolTip(tr("How many edits can be undone. Deleting a track or clearing the timeline is always kept."));
    form->addRow(tr("Undo history"), steps_);
    autosave_ = new QSpinBox(this);
    autosave_->setRange(10, 3600);
    autosave_->setValue(static_cast<int>(autosaver.interval().count() / 1000));
    autosave_->setSuffix(tr(" s"));
    autosave_->setToolTip(tr("How often unsaved work is written to a recovery file"));
    form->addRow(tr("Autosave every"), autosave_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PreferencesDialog::apply() {
    HistoryPolicy::saveStepLimitSetting(steps_->value());
    history_.loadSettings();
    QSettings().setValue(QString::fromLatin1(Autosaver::kIntervalKey), autosave_->value());
    autosaver_.loadSettings();
}

} // namespace entropic::app
