#include "performance/performance_panel.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "commands/edits.h"
#include "commands/performance_edits.h"
#include "midi/midi_control.h"
#include "midi/midi_mapping_list.h"
#include "model/project_document.h"
#include "modulation/route_dialog.h"
#include "performance/pad_button.h"
#include "performance/pad_keys.h"
#include "performance/playback_clock.h"
#include "performance/quantize.h"
#include "playback/player.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"

namespace entropic::app {

namespace {

constexpr const char* kDefaultKeys[4][4] = {
    {"1", "2", "3", "4"}, {"Q", "W", "E", "R"}, {"A", "S", "D", "F"}, {"Z", "X", "C", "V"}};

// A colour per slot, round the hue circle, so a fresh grid tells pads apart.
QString slotColour(int slot) {
    return QColor::fromHsv((slot * 47) % 360, 170, 230).name();
}

QString modeText(const PadSettings& p) {
    switch (p.mode) {
    case PadMode::Gate:
        return PerformancePanel::tr("gate");
    case PadMode::Toggle:
        return PerformancePanel::tr("toggle");
    case PadMode::OneShot:
        return p.unit == PadLengthUnit::Beats ? PerformancePanel::tr("%1 beat").arg(p.length)
                                              : PerformancePanel::tr("%1 ms").arg(p.length);
    }
    return {};
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// A marker as the cue menu and a cue pad name it: its name, or its frame.
QString markerText(const std::vector<Marker>& markers, std::int64_t frame) {
    for (const auto& m : markers)
        if (m.frame == frame && !m.name.empty()) return q(m.name);
    return PerformancePanel::tr("frame %1").arg(frame);
}

} // namespace

QString PerformancePanel::defaultKey(int row, int column) {
    if (row < 0 || row >= 4 || column < 0 || column >= 4) return {};
    return QString::fromLatin1(kDefaultKeys[row][column]);
}

PerformancePanel::PerformancePanel(ProjectDocument& doc, Player& player, Transport& transport,
                                   ClipSelection& selection, QWidget* parent)
    : QWidget(parent), doc_(doc), selection_(selection) {
    live_ = new LivePerformance(doc, playbackClock(player, transport), this);
    connect(&player, &Player::playingChanged, live_, &LivePerformance::setPlaying);
    connect(live_, &LivePerformance::notice, this, &PerformancePanel::notice);
    connect(live_, &LivePerformance::cueRequested, &transport, &Transport::setFrame);
    connect(live_, &LivePerformance::padChanged, this, [this](int pad, bool on) {
        for (int slot = 0; slot < static_cast<int>(buttons_.size()); ++slot)
            if (padAt(slot) == pad) buttons_[static_cast<std::size_t>(slot)]->setLit(on);
    });
    keys_ = new PadKeys(
        this, [this](const QString& key) { return padForKey(key); }, this);
    qApp->installEventFilter(keys_);
    connect(keys_, &PadKeys::padPressed, live_, [this](int pad) { live_->press(pad); });
    connect(keys_, &PadKeys::padReleased, live_, &LivePerformance::release);

    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    arm_ = new QToolButton(this);
    arm_->setText(tr("● Arm"));
    arm_->setCheckable(true);
    arm_->setToolTip(tr("Record: what the pads play while playing is written to their lanes at "
                        "stop (one undo step)"));
    arm_->setStyleSheet(
        QStringLiteral("QToolButton:checked { background: #b02828; color: white; }"));
    connect(arm_, &QToolButton::toggled, live_, &LivePerformance::setArmed);
    takeMode_ = new QComboBox(this);
    takeMode_->addItem(tr("Overdub"));
    takeMode_->addItem(tr("Replace"));
    takeMode_->setToolTip(
        tr("Overdub adds the take to the lanes; Replace clears the played range first"));
    connect(takeMode_, &QComboBox::currentIndexChanged, this, [this](int index) {
        live_->setTakeMode(index == 1 ? edits::TakeMode::Replace : edits::TakeMode::Overdub);
    });
    quantize_ = new QComboBox(this);
    quantize_->setToolTip(tr("Quantize: a recorded hit starts on the nearest line of this grid "
                             "at the project tempo, keeping its length"));
    const QString savedQuantize =
        QSettings().value(QStringLiteral("performance/quantize"), QStringLiteral("off")).toString();
    for (const auto& choice : quantizeChoices()) {
        quantize_->addItem(tr(choice.label));
        if (savedQuantize == QLatin1String(choice.key)) {
            quantize_->setCurrentIndex(quantize_->count() - 1);
            live_->setQuantizeBeats(choice.beats);
        }
    }
    connect(quantize_, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto& choice = quantizeChoices()[static_cast<std::size_t>(index)];
        live_->setQuantizeBeats(choice.beats);
        QSettings().setValue(QStringLiteral("performance/quantize"), QLatin1String(choice.key));
    });
    keysPlayPads_ = new QCheckBox(tr("Keys play pads"), this);
    keysPlayPads_->setToolTip(
        tr("On: a pad's key plays it even where the editor has a shortcut on that key "
           "(S: split…). Off: such keys keep their shortcut; other pad keys still play."));
    connect(keysPlayPads_, &QCheckBox::toggled, keys_, &PadKeys::setKeysWinShortcuts);
    capture_ = new QAction(tr("Capture last performance"), this);
    capture_->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    capture_->setShortcutContext(Qt::WindowShortcut);
    capture_->setToolTip(
        tr("Write what the pads played in the last seconds to their lanes (Ctrl+Alt+C)"));
    addAction(capture_);
    connect(capture_, &QAction::triggered, this, [this] {
        QString error;
        Q_EMIT notice(live_->captureLast(&error) ? tr("Captured the last performance") : error);
    });
    auto* captureButton = new QToolButton(this);
    captureButton->setDefaultAction(capture_);
    bar->addWidget(arm_);
    bar->addWidget(takeMode_);
    bar->addWidget(quantize_);
    bar->addWidget(captureButton);
    bar->addStretch();
    bar->addWidget(keysPlayPads_);
    layout->addLayout(bar);

    auto* gridBar = new QHBoxLayout;
    rowsBox_ = new QSpinBox(this);
    columnsBox_ = new QSpinBox(this);
    for (auto* box : {rowsBox_, columnsBox_})
        box->setRange(1, kMaxGrid);
    retroBox_ = new QSpinBox(this);
    retroBox_->setRange(5, 600);
    retroBox_->setSuffix(tr(" s"));
    retroBox_->setToolTip(tr("How far back \"Capture last performance\" reaches"));
    gridBar->addWidget(new QLabel(tr("Grid"), this));
    gridBar->addWidget(rowsBox_);
    gridBar->addWidget(new QLabel(QStringLiteral("×"), this));
    gridBar->addWidget(columnsBox_);
    gridBar->addStretch();
    gridBar->addWidget(new QLabel(tr("Keep last"), this));
    gridBar->addWidget(retroBox_);
    layout->addLayout(gridBar);
    grid_ = new QGridLayout;
    grid_->setSpacing(4);
    layout->addLayout(grid_, 1);

    const QSettings settings;
    rowsBox_->setValue(
        std::clamp(settings.value(QStringLiteral("performance/rows"), 4).toInt(), 1, kMaxGrid));
    columnsBox_->setValue(
        std::clamp(settings.value(QStringLiteral("performance/columns"), 4).toInt(), 1, kMaxGrid));
    retroBox_->setValue(settings.value(QStringLiteral("performance/retro_seconds"), 60).toInt());
    live_->setRetroSeconds(retroBox_->value());
    connect(retroBox_, &QSpinBox::valueChanged, this, [this](int seconds) {
        live_->setRetroSeconds(seconds);
        QSettings().setValue(QStringLiteral("performance/retro_seconds"), seconds);
    });
    const auto gridChanged = [this] {
        setGrid(rowsBox_->value(), columnsBox_->value());
        QSettings s;
        s.setValue(QStringLiteral("performance/rows"), rows_);
        s.setValue(QStringLiteral("performance/columns"), columns_);
    };
    connect(rowsBox_, &QSpinBox::valueChanged, this, gridChanged);
    connect(columnsBox_, &QSpinBox::valueChanged, this, gridChanged);
    rows_ = rowsBox_->value();
    columns_ = columnsBox_->value();
    rebuildGrid();
    connect(&doc_, &ProjectDocument::changed, this, &PerformancePanel::refreshPads);
}

void PerformancePanel::setMidi(MidiControl& midi) {
    if (midi_) return;
    midi_ = &midi;
    connect(midi_, &MidiControl::padNote, live_,
            [this](int channel, int note, double velocity, qint64) {
                if (const int pad = padForNote(channel, note); pad >= 0)
                    live_->press(pad, velocity);
            });
    connect(midi_, &MidiControl::padNoteOff, live_, [this](int channel, int note) {
        if (const int pad = padForNote(channel, note); pad >= 0) live_->release(pad);
    });
    midiList_ = new MidiMappingList(doc_, midi, this);
    layout()->addWidget(midiList_);
}

int PerformancePanel::padForNote(int channel, int note) const {
    const auto& pads = doc_.editorState().pads;
    for (std::size_t i = 0; i < pads.size(); ++i)
        if (pads[i].playsNote(channel, note)) return static_cast<int>(i);
    return -1;
}

PerformancePanel::~PerformancePanel() {
    qApp->removeEventFilter(keys_);
}

void PerformancePanel::setGrid(int rows, int columns) {
    rows = std::clamp(rows, 1, kMaxGrid);
    columns = std::clamp(columns, 1, kMaxGrid);
    if (rows == rows_ && columns == columns_ && !buttons_.empty()) return;
    rows_ = rows;
    columns_ = columns;
    const QSignalBlocker quietRows(rowsBox_), quietColumns(columnsBox_);
    rowsBox_->setValue(rows);
    columnsBox_->setValue(columns);
    rebuildGrid();
}

void PerformancePanel::rebuildGrid() {
    for (auto* b : buttons_)
        delete b;
    buttons_.clear();
    for (int slot = 0; slot < rows_ * columns_; ++slot) {
        auto* button = new PadButton(slot, this);
        grid_->addWidget(button, slot / columns_, slot % columns_);
        connect(button, &PadButton::pressed, this, [this](int s) {
            if (padAt(s) >= 0)
                live_->press(padAt(s));
            else
                makePad(s);
        });
        connect(button, &PadButton::released, this, [this](int s) {
            if (padAt(s) >= 0) live_->release(padAt(s));
        });
        connect(button, &PadButton::menuRequested, this, &PerformancePanel::onMenu);
        buttons_.push_back(button);
    }
    refreshPads();
}

int PerformancePanel::padAt(int slot) const {
    return slot >= 0 && slot < static_cast<int>(doc_.editorState().pads.size()) ? slot : -1;
}

PadButton* PerformancePanel::padButton(int slot) const {
    return slot >= 0 && slot < static_cast<int>(buttons_.size())
               ? buttons_[static_cast<std::size_t>(slot)]
               : nullptr;
}

int PerformancePanel::padForKey(const QString& key) const {
    if (key.isEmpty()) return -1;
    const auto& pads = doc_.editorState().pads;
    for (std::size_t i = 0; i < pads.size(); ++i)
        if (q(pads[i].key).compare(key, Qt::CaseInsensitive) == 0) return static_cast<int>(i);
    return -1;
}

void PerformancePanel::refreshPads() {
    const auto& pads = doc_.editorState().pads;
    const auto& lanes = doc_.project().performance;
    for (int slot = 0; slot < static_cast<int>(buttons_.size()); ++slot) {
        auto* button = buttons_[static_cast<std::size_t>(slot)];
        if (slot >= static_cast<int>(pads.size())) {
            button->setEmpty(defaultKey(slot / columns_, slot % columns_));
            continue;
        }
        const auto& pad = pads[static_cast<std::size_t>(slot)];
        QString name = q(pad.lane);
        for (const auto& lane : lanes)
            if (lane.id == pad.lane && !lane.name.empty()) name = q(lane.name);
        QString keys = q(pad.key);
        if (pad.midiNote >= 0)
            keys +=
                (keys.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("♪%1").arg(pad.midiNote);
        QString mode = modeText(pad);
        if (pad.cueFrame >= 0)
            mode += QStringLiteral(" → ") + markerText(doc_.editorState().markers, pad.cueFrame);
        button->setPad(name, QColor(q(pad.colour)), keys, mode);
        button->setLit(live_->isOn(slot));
    }
}

bool PerformancePanel::makePad(int slot, QString* error) {
    if (padAt(slot) >= 0) return true;
    // Pads fill the grid in order: a click on any empty slot makes the next one.
    const int index = static_cast<int>(doc_.editorState().pads.size());
    PadSettings settings;
    settings.key = defaultKey(index / columns_, index % columns_).toStdString();
    settings.colour = slotColour(index).toStdString();
    QString message;
    const bool made = edits::addPad(doc_, {}, settings, &message);
    if (!made) Q_EMIT notice(message);
    if (error) *error = message;
    return made;
}

void PerformancePanel::editPad(int pad, const std::function<void(PadSettings&)>& change) {
    if (pad < 0 || pad >= static_cast<int>(doc_.editorState().pads.size())) return;
    PadSettings settings = doc_.editorState().pads[static_cast<std::size_t>(pad)];
    change(settings);
    QString error;
    if (!edits::setPadSettings(doc_, settings, &error)) Q_EMIT notice(error);
}

void PerformancePanel::onMenu(int slot, const QPoint& globalPos) {
    QMenu menu(this);
    fillPadMenu(slot, menu);
    if (!menu.isEmpty()) menu.exec(globalPos);
}

void PerformancePanel::fillPadMenu(int slot, QMenu& menu) {
    const int pad = padAt(slot);
    if (pad < 0) {
        menu.addAction(tr("Make a pad"), this, [this, slot] { makePad(slot); });
        return;
    }
    const PadSettings settings = doc_.editorState().pads[static_cast<std::size_t>(pad)];
    const QString lane = q(settings.lane);
    const QString name = padButton(slot)->name();
    menu.addAction(tr("Rename…"), this, [this, lane, name] {
        bool ok = false;
        const QString text =
            QInputDialog::getText(this, tr("Rename pad"), tr("Name"), QLineEdit::Normal, name, &ok);
        QString error;
        if (ok && !edits::renamePad(doc_, lane, text.trimmed(), &error)) Q_EMIT notice(error);
    });
    menu.addAction(tr("Key…"), this, [this, pad, settings] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Pad key"),
                                                   tr("Key (one key, no modifiers; empty: none)"),
                                                   QLineEdit::Normal, q(settings.key), &ok);
        if (!ok) return;
        const QKeySequence sequence(text.trimmed().toUpper());
        const QString key =
            sequence.isEmpty() ? QString() : QKeySequence(sequence[0].key()).toString();
        editPad(pad, [&](PadSettings& s) { s.key = key.toStdString(); });
    });
    menu.addAction(tr("Colour…"), this, [this, pad, settings] {
        const QColor colour =
            QColorDialog::getColor(QColor(q(settings.colour)), this, tr("Pad colour"));
        if (colour.isValid())
            editPad(pad, [&](PadSettings& s) { s.colour = colour.name().toStdString(); });
    });
    auto* mode = menu.addMenu(tr("Mode"));
    for (auto [m, text] : {std::pair{PadMode::Gate, tr("Gate (on while held)")},
                           std::pair{PadMode::Toggle, tr("Toggle (press on, press off)")},
                           std::pair{PadMode::OneShot, tr("One-shot (on for its length)")}}) {
        auto* action = mode->addAction(text, this, [this, pad, chosen = m] {
            editPad(pad, [&](PadSettings& s) { s.mode = chosen; });
        });
        action->setCheckable(true);
        action->setChecked(settings.mode == m);
    }
    mode->addSeparator();
    mode->addAction(tr("One-shot length in ms…"), this, [this, pad, settings] {
        bool ok = false;
        const double ms = QInputDialog::getDouble(
            this, tr("One-shot length"), tr("Milliseconds"),
            settings.unit == PadLengthUnit::Milliseconds ? settings.length : 250, 1, 600000, 0,
            &ok);
        if (ok)
            editPad(pad, [&](PadSettings& s) {
                s.length = ms;
                s.unit = PadLengthUnit::Milliseconds;
            });
    });
    mode->addAction(tr("One-shot length in beats…"), this, [this, pad, settings] {
        bool ok = false;
        const double beats = QInputDialog::getDouble(
            this, tr("One-shot length"), tr("Beats at the project tempo"),
            settings.unit == PadLengthUnit::Beats ? settings.length : 1, 0.0625, 64, 4, &ok);
        if (ok)
            editPad(pad, [&](PadSettings& s) {
                s.length = beats;
                s.unit = PadLengthUnit::Beats;
            });
    });
    auto* choke = menu.addMenu(tr("Choke group"));
    for (int group = 0; group <= 8; ++group) {
        auto* action = choke->addAction(
            group == 0 ? tr("None") : tr("Group %1").arg(group), this,
            [this, pad, group] { editPad(pad, [&](PadSettings& s) { s.choke = group; }); });
        action->setCheckable(true);
        action->setChecked(settings.choke == group);
    }
    auto* jump = menu.addMenu(tr("Jump to marker"));
    jump->setObjectName(QStringLiteral("padJumpMenu"));
    auto* noJump = jump->addAction(tr("No jump"), this, [this, pad] {
        editPad(pad, [](PadSettings& s) { s.cueFrame = -1; });
    });
    noJump->setCheckable(true);
    noJump->setChecked(settings.cueFrame < 0);
    jump->addSeparator();
    const auto& markers = doc_.editorState().markers;
    for (const auto& marker : markers) {
        auto* action = jump->addAction(
            tr("%1 (frame %2)").arg(markerText(markers, marker.frame)).arg(marker.frame), this,
            [this, pad, frame = marker.frame] {
                editPad(pad, [&](PadSettings& s) { s.cueFrame = frame; });
            });
        action->setCheckable(true);
        action->setChecked(settings.cueFrame == marker.frame);
        action->setData(QVariant::fromValue<qint64>(marker.frame));
    }
    if (markers.empty())
        jump->addAction(tr("Add markers on the timeline first (M)"))->setEnabled(false);
    if (midi_) {
        menu.addAction(tr("Learn MIDI Note"), midi_, [this, lane] { midi_->learnPad(lane); });
        if (settings.midiNote >= 0)
            menu.addAction(tr("Forget MIDI Note %1").arg(settings.midiNote), this, [this, pad] {
                editPad(pad, [](PadSettings& s) {
                    s.midiNote = -1;
                    s.midiChannel = 0;
                });
            });
    }
    auto* driveMenu = menu.addMenu(tr("Drive a parameter"));
    auto* bypassMenu = menu.addMenu(tr("Bypass an effect while on"));
    auto* enableMenu = menu.addMenu(tr("Enable an effect while on"));
    bypassMenu->setObjectName(QStringLiteral("padBypassMenu"));
    enableMenu->setObjectName(QStringLiteral("padEnableMenu"));
    const auto effects = selectedClipEffects();
    for (const auto* effect : effects) {
        const QString effectName = q(effect->descriptor->name);
        auto* effectMenu = driveMenu->addMenu(effectName);
        for (const auto& param : effect->descriptor->params) {
            if (param.type != fx::ParamType::Float && param.type != fx::ParamType::Int) continue;
            const QString label = effectName + QLatin1Char(' ') + q(param.label).toLower();
            auto* action =
                effectMenu->addAction(q(param.label) + QStringLiteral("…"), this,
                                      [this, pad, id = effect->instanceId, key = param.key, label] {
                                          drive(pad, id, key, label);
                                      });
            action->setData(q(effect->instanceId + "." + param.key)); // "wave-1.phase"
        }
        for (auto [submenu, enable] : {std::pair{bypassMenu, false}, std::pair{enableMenu, true}})
            submenu
                ->addAction(
                    effectName, this,
                    [this, pad, id = effect->instanceId, enable] { switchEffect(pad, id, enable); })
                ->setData(q(effect->instanceId));
    }
    if (effects.empty())
        for (auto* submenu : {driveMenu, bypassMenu, enableMenu})
            submenu->addAction(tr("Select a clip with effects first"))->setEnabled(false);
    menu.addSeparator();
    menu.addAction(tr("Delete pad"), this, [this, lane] {
        QString error;
        if (!edits::removePad(doc_, lane, &error)) Q_EMIT notice(error);
    });
}

std::vector<const fx::EffectInstance*> PerformancePanel::selectedClipEffects() const {
    std::vector<const fx::EffectInstance*> out;
    for (const auto& track : doc_.project().tracks)
        for (const auto& clip : track.clips)
            if (q(clip.id) == selection_.current())
                for (const auto& effect : clip.effects)
                    out.push_back(&effect);
    return out;
}

std::optional<sig::RouteSpec> PerformancePanel::routeFromPad(int pad, const QString& noSource) {
    if (pad < 0 || pad >= static_cast<int>(doc_.editorState().pads.size())) return std::nullopt;
    const QString source =
        edits::padSource(doc_, q(doc_.editorState().pads[static_cast<std::size_t>(pad)].lane));
    if (source.isEmpty()) {
        Q_EMIT notice(noSource);
        return std::nullopt;
    }
    sig::RouteSpec route;
    route.signal = source.toStdString();
    return route;
}

void PerformancePanel::switchEffect(int pad, const std::string& effect, bool enable) {
    auto route = routeFromPad(pad, tr("This pad has no gate source to switch with"));
    if (!route) return;
    // A route into the effect's dry/wet a whole range deep: the gate takes
    // the mix to 0 while on (bypass), or, inverted, while off (enable), and
    // leaves the artist's own mix as it is otherwise. The threshold makes any
    // velocity switch fully: a soft MIDI note bypasses as much as a hard one.
    route->target = {effect, fx::mixParam().key, 0};
    route->depth = -1;
    route->processing.threshold = kSwitchThreshold;
    route->processing.invert = enable;
    QString error;
    if (!edits::addRoute(doc_, *route, &error)) Q_EMIT notice(error);
}

void PerformancePanel::drive(int pad, const std::string& effect, const std::string& param,
                             const QString& label) {
    auto route = routeFromPad(pad, tr("This pad has no gate source to drive with"));
    if (!route) return;
    // The usual pad route: an envelope fired by the gate, half the range deep.
    route->target = {effect, param, 0};
    route->depth = 0.5;
    route->processing.adsr = sig::AdsrSettings{};
    const int gesture = edits::newGestureId();
    QString routeId, error;
    if (!edits::addRoute(doc_, *route, &error, &routeId, gesture)) {
        Q_EMIT notice(error);
        return;
    }
    RouteDialog dialog(doc_, routeId, tr("%1 drives %2").arg(padButton(pad)->name(), label),
                       gesture, this);
    dialog.exec();
}

} // namespace entropic::app
