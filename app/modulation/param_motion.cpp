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

ParamMotion::ParamMotion(ProjectDocument& doc, SignalValues& values, ParamControl& control, sig::ParamTarget target,
                         QObject* parent)
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

bool ParamMotion::editsKeyframe() const { return values_.isAutomated(target_); }

bool ParamMotion::setKeyframe(double value, int gestureId, QString* error) {
    return edits::setKeyframe(doc_, target_, values_.transport().frame(), value, std::nullopt, error, gestureId);
}

void ParamMotion::updateGhost() {
    const bool modulated = values_.isModulated(target_);
    const bool automated = values_.isAutomated(target_);
    control_.setGhost(target_.component, values_.param(target_, values_.transport().frame()), modulated, automated);
    // The control shows the base the user edits; an automated one shows the
    // lane's value at the playhead, which is what its knob sets.
    if (automated && !modulated)
        if (auto v = values_.param(target_, values_.transport().frame())) {
            fx::ParamValue shown = control_.value();
            shown[static_cast<std::size_t>(target_.component)] = *v;
            control_.setValue(shown);
        }
}

void ParamMotion::modulateBy(const std::string& nodeId) {
    sig::RouteSpec route;
    route.signal = nodeId;
    route.target = target_;
    // An LFO swings around the value the user set; a measured level pushes it up.
    const auto& ops = doc_.project().signals.operators;
    const bool lfo = std::any_of(ops.begin(), ops.end(),
                                 [&](const sig::OperatorSpec& o) { return o.id == nodeId && o.op == "mod.lfo"; });
    route.polarity = lfo ? sig::Polarity::Bipolar : sig::Polarity::Unipolar;
    route.depth = lfo ? 0.5 : 0.25;
    QString error, id;
    const int gesture = edits::newGestureId();
    if (!edits::addRoute(doc_, route, &error, &id, gesture)) {
        Q_EMIT message(error);
        return;
    }
    editRoute(id, gesture);
}

void ParamMotion::editRoute(const QString& routeId, int gestureId) {
    RouteDialog dialog(doc_, routeId, tr("Modulation of %1").arg(label()), gestureId, &control_);
    dialog.exec();
}

void ParamMotion::fillMenu(QMenu& menu) {
    const auto& spec = doc_.project().signals;
    menu.addSeparator();
    auto* by = menu.addMenu(tr("Modulate by…"));
    for (const auto& [id, name] : signalNodes(spec))
        by->addAction(name, this, [this, id] { modulateBy(id); });
    if (!by->isEmpty()) by->addSeparator();
    by->addAction(tr("New LFO"), this, [this] {
        QString error, id;
        if (!edits::addOperator(doc_, QStringLiteral("mod.lfo"), {}, &error, &id)) {
            Q_EMIT message(error);
            return;
        }
        modulateBy(id.toStdString());
    });
    for (const auto& r : spec.routes) {
        if (r.target != target_) continue;
        const QString from = signalNodeName(spec, r.signal);
        const QString id = QString::fromStdString(r.id);
        menu.addAction(tr("Edit modulation from %1…").arg(from), this, [this, id] { editRoute(id); });
        menu.addAction(tr("Remove modulation from %1").arg(from), this, [this, id] {
            QString error;
            if (!edits::removeRoute(doc_, id, &error)) Q_EMIT message(error);
        });
    }
    menu.addSeparator();
    const qint64 playhead = values_.transport().frame();
    menu.addAction(tr("Add keyframe at playhead"), this, [this] {
        const auto used = values_.param(target_, values_.transport().frame());
        const double v = used && values_.isAutomated(target_) ? *used
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
                    if (!edits::removeKeyframe(doc_, target_, playhead, &error)) Q_EMIT message(error);
                });
        menu.addAction(tr("Remove automation"), this, [this] {
            QString error;
            if (!edits::removeLane(doc_, target_, &error)) Q_EMIT message(error);
        });
    }
}

} // namespace entropic::app
