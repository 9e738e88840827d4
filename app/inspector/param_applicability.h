#pragma once
// Greys out the parameters that have no effect in the current setting, as the
// descriptor declares (fx::ParamSpec::appliesWhen), in any panel built from
// specs: the inspector's effect cards and the modulation panel's operator
// cards. Reads the values the controls show, so calling it after every edit
// and every refresh keeps it live.
#include <vector>

#include <QMap>
#include <QString>

#include "entropic/effects/params.h"

class QFormLayout;

namespace entropic::app {

class ParamControl;

// controls: by parameter key; form: where each control's label is (greyed
// with it and given the same tooltip); null leaves labels alone.
void showApplicability(const std::vector<fx::ParamSpec>& specs,
                       const QMap<QString, ParamControl*>& controls, QFormLayout* form);

} // namespace entropic::app
