#include "inspector/param_applicability.h"

#include <QFormLayout>
#include <QWidget>

#include "inspector/param_control.h"

namespace entropic::app {

void showApplicability(const std::vector<fx::ParamSpec>& specs,
                       const QMap<QString, ParamControl*>& controls, QFormLayout* form) {
    const auto valueOf = [&](std::string_view key) {
        const auto* control =
            controls.value(QString::fromUtf8(key.data(), static_cast<int>(key.size())));
        return control ? control->value()[0] : 0.0;
    };
    for (const auto& spec : specs) {
        auto* control = controls.value(QString::fromStdString(spec.key));
        if (!control) continue;
        const auto why = fx::applicability(spec, specs, valueOf);
        control->setApplies(why.applies, QString::fromStdString(why.reason));
        if (QWidget* label = form ? form->labelForField(control) : nullptr) {
            label->setEnabled(why.applies);
            label->setToolTip(control->toolTip());
        }
    }
}

} // namespace entropic::app
