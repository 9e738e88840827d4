#pragma once
// Log category of engine supervision ("entropic.engine"): starts, deaths,
// restarts and what the engine wrote on stderr.
#include <QLoggingCategory>

namespace entropic::app {
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
}
