#include "modulation/route_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include "commands/edits.h"
#include "model/project_document.h"
#include "modulation/signal_names.h"

namespace entropic::app {

namespace {

QDoubleSpinBox* spin(QWidget* parent, double lo, double hi, double step, int decimals,
                     const QString& suffix = {}) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(lo, hi);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setKeyboardTracking(false);
    if (!suffix.isEmpty()) box->setSuffix(suffix);
    return box;
}

} // namespace

RouteDialog::RouteDialog(ProjectDocument& doc, const QString& routeId, const QString& title,
                         int gestureId, QWidget* parent)
    : QDialog(parent), doc_(doc), routeId_(routeId),
      gesture_(gestureId != 0 ? gestureId : edits::newGestureId()) {
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* main = new QFormLayout;
    signal_ = new QComboBox(this);
    for (const auto& [id, name] : signalNodes(doc_.project()))
        signal_->addItem(name, QString::fromStdString(id));
    depth_ = spin(this, -100, 100, 5, 1, QStringLiteral(" %"));
    depth_->setToolTip(tr(
        "How far the signal moves the parameter, as a share of its range; negative pulls it down"));
    polarity_ = new QComboBox(this);
    polarity_->addItems(
        {tr("Unipolar (adds 0 … depth)"), tr("Bipolar (swings ± depth/2 around the value)")});
    enabled_ = new QCheckBox(tr("On"), this);
    main->addRow(tr("Signal"), signal_);
    main->addRow(tr("Depth"), depth_);
    main->addRow(tr("Polarity"), polarity_);
    main->addRow(tr("Route"), enabled_);
    layout->addLayout(main);

    auto* processing = new QGroupBox(tr("Processing (in this order)"), this);
    auto* form = new QFormLayout(processing);
    useThreshold_ = new QCheckBox(tr("Threshold"), this);
    threshold_ = spin(this, 0, 1, 0.05, 3);
    form->addRow(useThreshold_, threshold_);
    useAdsr_ = new QCheckBox(tr("ADSR"), this);
    auto* adsr = new QWidget(this);
    auto* adsrRow = new QHBoxLayout(adsr);
    adsrRow->setContentsMargins(0, 0, 0, 0);
    attack_ = spin(this, 0, 10000, 10, 0, QStringLiteral(" ms"));
    decay_ = spin(this, 0, 10000, 10, 0, QStringLiteral(" ms"));
    sustain_ = spin(this, 0, 1, 0.05, 2);
    release_ = spin(this, 0, 10000, 10, 0, QStringLiteral(" ms"));
    curve_ = spin(this, -1, 1, 0.1, 2);
    attack_->setPrefix(QStringLiteral("A "));
    decay_->setPrefix(QStringLiteral("D "));
    sustain_->setPrefix(QStringLiteral("S "));
    release_->setPrefix(QStringLiteral("R "));
    curve_->setPrefix(tr("curve "));
    for (auto* w : {attack_, decay_, sustain_, release_, curve_})
        adsrRow->addWidget(w);
    form->addRow(useAdsr_, adsr);
    slewRise_ = spin(this, 0, 10000, 10, 0, QStringLiteral(" ms"));
    slewFall_ = spin(this, 0, 10000, 10, 0, QStringLiteral(" ms"));
    form->addRow(tr("Slew rise"), slewRise_);
    form->addRow(tr("Slew fall"), slewFall_);
    smooth_ = spin(this, 0, 10000, 10, 0, QStringLiteral(" ms"));
    form->addRow(tr("Smoothing"), smooth_);
    quantize_ = new QSpinBox(this);
    quantize_->setRange(0, 256);
    quantize_->setSpecialValueText(tr("Off"));
    quantize_->setKeyboardTracking(false);
    form->addRow(tr("Quantize (steps)"), quantize_);
    invert_ = new QCheckBox(tr("Invert (1 − s)"), this);
    form->addRow(QString(), invert_);
    scale_ = spin(this, -100, 100, 0.1, 3);
    offset_ = spin(this, -100, 100, 0.05, 3);
    form->addRow(tr("Scale"), scale_);
    form->addRow(tr("Offset"), offset_);
    layout->addWidget(processing);

    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #e04040;"));
    error_->hide();
    layout->addWidget(error_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);

    for (const auto& r : doc_.project().signals.routes)
        if (QString::fromStdString(r.id) == routeId_) load(r);

    for (auto* box : findChildren<QDoubleSpinBox*>())
        connect(box, &QDoubleSpinBox::valueChanged, this, &RouteDialog::apply);
    connect(quantize_, &QSpinBox::valueChanged, this, &RouteDialog::apply);
    for (auto* check : findChildren<QCheckBox*>())
        connect(check, &QCheckBox::toggled, this, &RouteDialog::apply);
    connect(signal_, &QComboBox::currentIndexChanged, this, &RouteDialog::apply);
    connect(polarity_, &QComboBox::currentIndexChanged, this, &RouteDialog::apply);
}

void RouteDialog::load(const sig::RouteSpec& r) {
    loading_ = true;
    target_ = r.target;
    signal_->setCurrentIndex(signal_->findData(QString::fromStdString(r.signal)));
    depth_->setValue(r.depth * 100);
    polarity_->setCurrentIndex(r.polarity == sig::Polarity::Bipolar ? 1 : 0);
    enabled_->setChecked(r.enabled);
    const auto& p = r.processing;
    useThreshold_->setChecked(p.threshold.has_value());
    threshold_->setValue(p.threshold.value_or(0.5));
    useAdsr_->setChecked(p.adsr.has_value());
    const sig::AdsrSettings adsr = p.adsr.value_or(sig::AdsrSettings{});
    attack_->setValue(adsr.attackMs);
    decay_->setValue(adsr.decayMs);
    sustain_->setValue(adsr.sustain);
    release_->setValue(adsr.releaseMs);
    curve_->setValue(adsr.curve);
    slewRise_->setValue(p.slewRiseMs);
    slewFall_->setValue(p.slewFallMs);
    smooth_->setValue(p.smoothMs);
    quantize_->setValue(p.quantize);
    invert_->setChecked(p.invert);
    scale_->setValue(p.scale);
    offset_->setValue(p.offset);
    threshold_->setEnabled(useThreshold_->isChecked());
    for (auto* w : {attack_, decay_, sustain_, release_, curve_})
        w->setEnabled(useAdsr_->isChecked());
    loading_ = false;
}

sig::RouteSpec RouteDialog::route() const {
    sig::RouteSpec r;
    r.id = routeId_.toStdString();
    r.target = target_;
    r.signal = signal_->currentData().toString().toStdString();
    r.depth = depth_->value() / 100;
    r.polarity = polarity_->currentIndex() == 1 ? sig::Polarity::Bipolar : sig::Polarity::Unipolar;
    r.enabled = enabled_->isChecked();
    auto& p = r.processing;
    if (useThreshold_->isChecked()) p.threshold = threshold_->value();
    if (useAdsr_->isChecked())
        p.adsr = sig::AdsrSettings{attack_->value(), decay_->value(), sustain_->value(),
                                   release_->value(), curve_->value()};
    p.slewRiseMs = slewRise_->value();
    p.slewFallMs = slewFall_->value();
    p.smoothMs = smooth_->value();
    // 1 step is no quantizer; the spin box steps from Off straight to 2.
    p.quantize = quantize_->value() == 1 ? 2 : quantize_->value();
    p.invert = invert_->isChecked();
    p.scale = scale_->value();
    p.offset = offset_->value();
    return r;
}

void RouteDialog::apply() {
    if (loading_) return;
    threshold_->setEnabled(useThreshold_->isChecked());
    for (auto* w : {attack_, decay_, sustain_, release_, curve_})
        w->setEnabled(useAdsr_->isChecked());
    QString error;
    if (edits::setRoute(doc_, route(), &error, gesture_)) {
        lastError_.clear();
        error_->hide();
    } else {
        lastError_ = error;
        error_->setText(error);
        error_->show();
    }
}

} // namespace entropic::app
