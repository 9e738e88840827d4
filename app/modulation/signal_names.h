#pragma once
// How the editor names signal nodes: the user's name, else the id, with what
// the node is ("Wobble (LFO)", "rms-1 (audio.rms of music)").
#include <string>
#include <utility>
#include <vector>

#include <QString>

#include "entropic/engine/project/project.h"
#include "entropic/signal/spec.h"

namespace entropic::app {

QString signalNodeName(const sig::SignalGraphSpec& spec, const std::string& nodeId);
// Every node (sources first, then operators) with its name, in project order.
std::vector<std::pair<std::string, QString>> signalNodes(const sig::SignalGraphSpec& spec);

// What a source of this kind can measure, as (label, media id): video clips
// for video kinds, any clip (audio, or a video clip's sound) for audio
// kinds, performance lanes for gates.
std::vector<std::pair<QString, QString>> measurableMedia(const engine::Project& project, sig::SourceKind kind);

} // namespace entropic::app
