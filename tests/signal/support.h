#pragma once
// Helpers for the signal tests: run one operator (or a whole spec) over a
// number of frames through the public API.
#include <map>
#include <string>
#include <vector>

#include "entropic/signal/evaluator.h"
#include "entropic/signal/graph.h"
#include "entropic/signal/spec.h"

namespace sigtest {

using entropic::sig::Series;

// One operator fed by `inputs` (each a gate source series), evaluated over
// `frames` frames: its output series.
Series runOperator(const std::string& op, const std::map<std::string, double>& params,
                   const std::vector<Series>& inputs, const entropic::sig::Timing& timing,
                   std::int64_t frames, std::uint64_t seed = 0);

// A spec whose sources are supplied as series (same order as spec.sources).
entropic::sig::SignalEvaluator evaluate(const entropic::sig::SignalGraphSpec& spec,
                                        const entropic::sig::ParamCatalog& catalog,
                                        const std::vector<Series>& sources,
                                        const entropic::sig::Timing& timing, std::int64_t frames);

std::vector<entropic::sig::SeriesView> views(const std::vector<Series>& series);

// A sine tone (all channels equal) of `seconds` at `hz` and `amplitude`,
// interleaved, optionally only between `from` and `to` seconds.
std::vector<float> tone(int sampleRate, int channels, double seconds, double hz, double amplitude,
                        double from = 0, double to = 1e9);

} // namespace sigtest
