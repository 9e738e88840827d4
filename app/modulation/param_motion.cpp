#include "modulation/param_motion.h"

#include <QMenu>

#include "commands/edits.h"
#include "inspector/param_control.h"
#include "model/project_document.h"
#include "modulation/route_dialog.h"
#include "modulation/signal_names.h"
#include "modulation/signal_values.h"
#include "transport/transport.h"

namespace entropic::app {

ParamMotion::ParamMotion(ProjectDocument& doc, SignalValues& values, ParamControl& control,
                         sig::ParamTarget target, QObject* parent)
    : QObject(parent), doc_(doc), values_(values), control_(control), target_(std::move(target)) {
    control_.addMenuExtender([this](QMenu& menu) {
        // Points and colours: one submenu per component.
        const QString component = control_.componentName(target_.component);
        fillMenu(component.isEmpty() ? menu : *menu.addMenu(component));
    });
    connect(&values_, &SignalValues::updated, this, &ParamMotion::updateGhost);
    updateGhost();
}

QString ParamMotion::label() const {
    const QString component = control_.componentName(target_.component);
    const QString name = QString::fromStdString(control_.spec().label);
    return component.isEmpty() ? name : name + QLatin1Char(' ') + component;
}

bool ParamMotion::editsKeyframe() const {
    return values_.isAutomated(target_);
}

bool ParamMotion::setKeyframe(double value, int gestureId, QString* error) {
    return edits::setKeyframe(doc_, target_, values_.transport().frame(), value, std::nullopt,
                              error, gestureId);
}

void ParamMotion::updateGhost() {
    const bool modulated = values_.isModulated(target_);
    const bool automated = values_.isAutomated(target_);
    control_.setGhost(target_.component, values_.param(target_, values_.transport().frame()),
                      modulated, automated);
    // The control shows the base the user edits; an automated one shows the
    // lane's value at the playhead, which is what its knob sets.
    if (automated && !modulated)
        if (auto v = values_.param(target_, values_.transport().frame())) {
            fx::ParamValue shown = control_.value();
            shown[static_cast<std::size_t>(target_.component)] = *v;
            control_.setValue(shown);
        }
}

sig::RouteSpec ParamMotion::newRoute(bool lfo) const {
    // An LFO swings around the value the user set; a measured level pushes it up.
    sig::RouteSpec route;
    route.target = target_;
    route.polarity = lfo ? sig::Polarity::Bipolar : sig::Polarity::Unipolar;
    route.depth = lfo ? 0.5 : 0.25;
    return route;
}

void ParamMotion::modulateBy(const std::string& nodeId) {
    const auto& ops = doc_.project().signals.operators;
    const bool lfo = std::any_of(ops.begin(), ops.end(), [&](const sig::OperatorSpec& o) {
        return o.id == nodeId && o.op == "mod.lfo";
    });
    sig::RouteSpec route = newRoute(lfo);
    route.signal = nodeId;
    QString error, id;
    const int gesture = edits::newGestureId();
    if (!edits::addRoute(doc_, route, &error, &id, gesture)) {
        Q_EMIT message(error);
        return;
    }
    editRoute(id, gesture);
}

void ParamMotion::modulateByNewLfo() {
    QString error, id;
    const int gesture = edits::newGestureId();
    if (!edits::addOperatorAndRoute(doc_, QStringLiteral("mod.lfo"), newRoute(true), &error,
                                    nullptr, &id, gesture)) {
        Q_EMIT message(error);
        return;
    }
    editRoute(id, gesture);
}

void ParamMotion::modulateBySource(const sig::SourceSpec& source) {
    // The same measurement already in the project: route from it rather than
    // analysing the media twice.
    for (const auto& s : doc_.project().signals.sources)
        if (s.kind == source.kind && s.media == source.media && !s.region &&
            s.bandLowHz == source.bandLowHz && s.bandHighHz == source.bandHighHz) {
            modulateBy(s.id);
            return;
        }
    QString error, id;
    const int gesture = edits::newGestureId();
    if (!edits::addSourceAndRoute(doc_, source, newRoute(false), &error, nullptr, &id, gesture)) {
        Q_EMIT message(error);
        return;
    }
    editRoute(id, gesture);
}

void ParamMotion::fillModulateMenu(QMenu& by) {
    const auto& project = doc_.project();
    for (const auto& [id, name] : signalNodes(project))
        by.addAction(name, this, [this, id] { modulateBy(id); });
    if (!by.isEmpty()) by.addSeparator();
    by.addAction(tr("New LFO"), this, &ParamMotion::modulateByNewLfo);

    // What the clip itself does: its sound, its picture (docs/signals.md).
    const engine::Clip* clip = clipOfEffect(project, target_.effect);
    if (clip) {
        const std::string media = clip->id;
        auto measure = [media](sig::SourceKind kind, double low = 0, double high = 0) {
            sig::SourceSpec s;
            s.kind = kind;
            s.media = media;
            s.bandLowHz = low;
            s.bandHighHz = high;
            return s;
        };
        by.addSection(tr("This clip"));
        by.addAction(tr("Sound level of this clip"), this,
                     [this, s = measure(sig::SourceKind::AudioRms)] { modulateBySource(s); });
        auto* band = by.addMenu(tr("Sound band of this clip"));
        const struct {
            const char* name;
            double low, high;
        } bands[] = {{QT_TR_NOOP("Low (20–250 Hz)"), 20, 250},
                     {QT_TR_NOOP("Mid (250 Hz–4 kHz)"), 250, 4000},
                     {QT_TR_NOOP("High (4–16 kHz)"), 4000, 16000}};
        for (const auto& b : bands)
            band->addAction(tr(b.name), this,
                            [this, s = measure(sig::SourceKind::AudioBand, b.low, b.high)] {
                                modulateBySource(s);
                            });
        by.addAction(tr("Video brightness of this clip"), this,
                     [this, s = measure(sig::SourceKind::VideoLuma)] { modulateBySource(s); });
        by.addAction(tr("Video motion of this clip"), this,
                     [this, s = measure(sig::SourceKind::VideoMotion)] { modulateBySource(s); });
    }
    if (!project.performance.empty()) {
        by.addSection(tr("Performance pads"));
        for (const auto& lane : project.performance) {
            sig::SourceSpec s;
            s.kind = sig::SourceKind::Gate;
            s.media = lane.id;
            by.addAction(
                tr("Pad %1").arg(QString::fromStdString(lane.name.empty() ? lane.id : lane.name)),
                this, [this, s] { modulateBySource(s); });
        }
    }
}

void ParamMotion::editRoute(const QString& routeId, int gestureId) {
    RouteDialog dialog(doc_, routeId, tr("Modulation of %1").arg(label()), gestureId, &control_);
    dialog.exec();
}

void ParamMotion::fillMenu(QMenu& menu) {
    const auto& spec = doc_.project().signals;
    menu.addSeparator();
    fillModulateMenu(*menu.addMenu(tr("Modulate by…")));
    for (const auto& r : spec.routes) {
        if (r.target != target_) continue;
        const QString from = signalNodeName(doc_.project(), r.signal);
        const QString id = QString::fromStdString(r.id);
        menu.addAction(tr("Edit modulation from %1…").arg(from), this,
                       [this, id] { editRoute(id); });
        menu.addAction(tr("Remove modulation from %1").arg(from), this, [this, id] {
            QString error;
            if (!edits::removeRoute(doc_, id, &error)) Q_EMIT message(error);
        });
    }
    menu.addSeparator();
    const qint64 playhead = values_.transport().frame();
    menu.addAction(tr("Add keyframe at playhead"), this, [this] {
        const auto used = values_.param(target_, values_.transport().frame());
        const double v = used && values_.isAutomated(target_)
                             ? *used
                             : control_.value()[static_cast<std::size_t>(target_.component)];
        QString error;
        if (!setKeyframe(v, 0, &error)) Q_EMIT message(error);
    });
    for (const auto& lane : spec.lanes) {
        if (lane.target != target_) continue;
        for (const auto& key : lane.keys)
            if (key.frame == playhead)
                menu.addAction(tr("Remove keyframe at playhead"), this, [this, playhead] {
                    QString error;
                    if (!edits::removeKeyframe(doc_, target_, playhead, &error))
                        Q_EMIT message(error);
                });
        menu.addAction(tr("Remove automation"), this, [this] {
            QString error;
            if (!edits::removeLane(doc_, target_, &error)) Q_EMIT message(error);
        });
    }
}

} // namespace entropic::app
