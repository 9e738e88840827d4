#include "timeline/clip_properties_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "entropic/engine/project/project.h"
#include "viewer/timecode.h"

namespace entropic::app {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// "00:00:01:15  (45 frames)": both, since editors think in either.
QString timeAndFrames(qint64 frames, engine::Rational rate) {
    const QString count =
        frames == 1 ? QObject::tr("1 frame") : QObject::tr("%1 frames").arg(frames);
    return QStringLiteral("%1  (%2)").arg(formatTimecode(frames, rate), count);
}

} // namespace

ClipPropertiesDialog::ClipPropertiesDialog(const engine::Project& project, const QString& clipId,
                                           QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("clipProperties"));
    auto* form = new QFormLayout;
    auto row = [&](const QString& label, const QString& value) {
        auto* text = new QLabel(value);
        text->setObjectName(label);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse); // paths are copied from here
        text->setWordWrap(true);
        form->addRow(label + QLatin1Char(':'), text);
    };
    const engine::Track* track = nullptr;
    const engine::Clip* clip = nullptr;
    for (const auto& t : project.tracks)
        for (const auto& c : t.clips)
            if (q(c.id) == clipId) {
                track = &t;
                clip = &c;
            }
    if (!clip) {
        row(tr("Clip"), tr("There is no clip %1").arg(clipId));
    } else {
        const auto rate = project.frameRate;
        const bool video = track->kind == engine::TrackKind::Video;
        setWindowTitle(tr("Properties of %1").arg(q(engine::clipDisplayName(*clip))));
        row(tr("Name"), clip->name.empty() ? tr("(the file name)") : q(clip->name));
        row(tr("Source"), q(clip->sourcePath));
        row(tr("Track"), q(track->name.empty() ? track->id : track->name));
        row(tr("Start"), timeAndFrames(clip->start, rate));
        row(tr("In"), timeAndFrames(clip->in, rate));
        row(tr("Out"), timeAndFrames(clip->out, rate));
        row(tr("Duration"), timeAndFrames(clip->length(), rate));
        row(tr("Enabled"), clip->enabled ? tr("Yes") : tr("No: renders and sounds as if absent"));
        QStringList partners;
        for (const auto& t : project.tracks)
            for (const auto& c : t.clips)
                if (!clip->link.empty() && c.link == clip->link && c.id != clip->id)
                    partners << tr("%1 on %2").arg(q(c.id), q(t.id));
        if (video)
            row(tr("Sound"), clip->soundMuted
                                 ? (partners.isEmpty() ? tr("Muted") : tr("On its linked clip"))
                                 : tr("Its own, if the source has any"));
        row(tr("Linked to"),
            partners.isEmpty() ? tr("Nothing") : partners.join(QStringLiteral(", ")));
        if (video)
            row(tr("Effects"), clip->effects.size() == 1
                                   ? tr("1 effect")
                                   : tr("%1 effects").arg(clip->effects.size()));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString ClipPropertiesDialog::field(const QString& label) const {
    const auto* text = findChild<QLabel*>(label);
    return text ? text->text() : QString();
}

} // namespace entropic::app
