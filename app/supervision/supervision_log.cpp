#include "supervision/supervision_log.h"

namespace entropic::app {
Q_LOGGING_CATEGORY(lcEngine, "entropic.engine")
}
