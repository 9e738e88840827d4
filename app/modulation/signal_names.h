#pragma once
// How the editor names signal nodes to users: in words, never by internal
// ids or kind names ("video.luma", "rms-1", "clip-3" stay in the file).
//   a source:    "Sound level of clip Beach.mp4", "Video brightness of clip X";
//   an operator: "LFO 1" (its kind and the number of its id);
//   named ones:  the user's name, with what they are in menus: "Wobble (LFO)".
#include <string>
#include <utility>
#include <vector>

#include <QString>

#include "entropic/engine/project/project.h"
#include "entropic/signal/spec.h"

namespace entropic::app {

// "Video brightness", "Sound level", "Sound band", "Pad", … for a source kind.
QString sourceKindLabel(sig::SourceKind kind);
// What a source measures, of what: "Sound band 20–250 Hz of clip Beach.mp4".
QString describeSource(const engine::Project& project, const sig::SourceSpec& source);
// An operator by its kind and number: "LFO 1" for "lfo-1".
QString describeOperator(const sig::OperatorSpec& op);
// "clip Beach.mp4" for a clip id, "pad Kick" for a performance lane.
QString mediaLabel(const engine::Project& project, const std::string& media);

// The short name (history entries, titles): the user's name, else the description.
QString signalNodeLabel(const engine::Project& project, const sig::SignalGraphSpec& spec,
                        const std::string& nodeId);
// The menu name: the description, or "Name (description)" for a named node.
QString signalNodeName(const engine::Project& project, const std::string& nodeId);
// Every node (sources first, then operators) with its menu name, in project order.
std::vector<std::pair<std::string, QString>> signalNodes(const engine::Project& project);

// What a source of this kind can measure, as (label, media id): video clips
// for video kinds, any clip (audio, or a video clip's sound) for audio
// kinds, performance lanes for gates. Labels: "Beach.mp4 (V1, from 00:00:04:00)".
std::vector<std::pair<QString, QString>> measurableMedia(const engine::Project& project,
                                                         sig::SourceKind kind);

// The clip an effect instance sits on (nullptr if none).
const engine::Clip* clipOfEffect(const engine::Project& project, const std::string& instanceId);

} // namespace entropic::app
