#include "transport/transport_bar.h"

#include <algorithm>
#include <cmath>

#include <QAction>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include "model/project_document.h"
#include "playback/player.h"
#include "transport/automation_mode_box.h"
#include "transport/beat_indicator.h"
#include "transport/beat_phase.h"
#include "transport/tempo_control.h"
#include "transport/transport.h"
#include "transport/transport_icons.h"
#include "viewer/timecode.h"

namespace entropic::app {

namespace {

using transport_icons::Glyph;

const QChar kPlayGlyph(0x25B6);    // ▶
const QChar kReverseGlyph(0x25C0); // ◀
const QChar kPausedGlyph(0x2016);  // ‖ (⏸ is missing from the bundled fonts)

QColor iconColor(const QWidget& w) {
    return w.palette().color(QPalette::WindowText);
}

} // namespace

TransportBar::TransportBar(Player& player, Transport& transport, QWidget* parent)
    : QWidget(parent), player_(player), transport_(transport) {
    setObjectName(QStringLiteral("transportBar"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral(
        "#transportBar { background: #1d1d21; border-top: 1px solid #34343c; }"
        "#transportBar QToolButton { border: 1px solid transparent; border-radius: 3px; padding: "
        "3px; }"
        "#transportBar QToolButton:hover { background: #34343c; border-color: #44444e; }"
        "#transportBar QToolButton:pressed { background: #2a2a30; }"
        "#transportBar QToolButton:checked { background: #3a2630; border-color: #e83e6e; }"
        "#transportBar QToolButton#playPause { background: #2e2e35; border-color: #44444e; }"
        "#transportBar QToolButton#playPause:hover { background: #3c3c45; }"
        "QLineEdit#timecode { background: #101013; color: #f0f0f4; border: 1px solid #3a3a42;"
        " border-radius: 3px; padding: 2px 6px; selection-background-color: #e83e6e; }"
        "QLineEdit#timecode:focus { border-color: #e83e6e; }"
        "QLabel#shuttle { color: #b8b8c0; padding: 0 6px; }"
        "QDoubleSpinBox#tempo { background: #101013; color: #f0f0f4; border: 1px solid #3a3a42;"
        " border-radius: 3px; padding: 2px 4px; selection-background-color: #e83e6e; }"
        "QDoubleSpinBox#tempo:focus { border-color: #e83e6e; }"
        "#transportBar QToolButton#tapTempo { color: #d8d8e0; border-color: #44444e;"
        " padding: 3px 8px; }"));

    timecode_ = new QLineEdit(this);
    timecode_->setObjectName(QStringLiteral("timecode"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.25);
    timecode_->setFont(mono);
    timecode_->setAlignment(Qt::AlignCenter);
    timecode_->setFixedWidth(QFontMetrics(mono).horizontalAdvance(QStringLiteral("00:00:00:00")) +
                             24);
    timecode_->setToolTip(
        tr("Playhead position. Type a timecode (00:00:01:00), seconds (1.5s) or a frame "
           "number and press Enter to go there."));
    connect(timecode_, &QLineEdit::returnPressed, this, [this] { jumpTo(timecode_->text()); });
    // Leaving the field without Enter keeps the playhead where it is.
    connect(timecode_, &QLineEdit::editingFinished, this,
            [this] { timecode_->setText(formatTimecode(transport_.frame(), rate_)); });

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    buttons->addWidget(addButton(ToStart, int(Glyph::ToStart), tr("Go to start")));
    buttons->addWidget(addButton(PreviousFrame, int(Glyph::PreviousFrame), tr("Previous frame")));
    stop_ = new QToolButton(this);
    stop_->setObjectName(QStringLiteral("stop"));
    stop_->setIcon(transport_icons::icon(Glyph::Stop, iconColor(*this)));
    stop_->setIconSize(QSize(20, 20));
    stop_->setToolTip(tr("Stop: back to where play started (again: to the start)"));
    connect(stop_, &QToolButton::clicked, this, &TransportBar::stop);
    buttons->addWidget(stop_);
    auto* play = addButton(PlayPause, int(Glyph::Play), tr("Play"));
    play->setIconSize(QSize(24, 24));
    buttons->addWidget(play);
    buttons->addWidget(addButton(NextFrame, int(Glyph::NextFrame), tr("Next frame")));
    buttons->addWidget(addButton(ToEnd, int(Glyph::ToEnd), tr("Go to end")));
    buttons->addSpacing(10);
    auto* loop = addButton(Loop, int(Glyph::Loop), tr("Loop in/out"));
    loop->setCheckable(true);
    loop->setChecked(player_.loopEnabled());
    buttons->addWidget(loop);

    shuttle_ = new QLabel(this);
    shuttle_->setObjectName(QStringLiteral("shuttle"));
    shuttle_->setMinimumWidth(
        QFontMetrics(shuttle_->font()).horizontalAdvance(QStringLiteral("\u25C0 0.25×")) + 12);
    shuttle_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* follow = addButton(Follow, int(Glyph::Follow),
                             tr("Follow playhead: the timeline scrolls to keep it in view"));
    follow->setCheckable(true);
    follow->setEnabled(false); // until the timeline's action is adopted

    right_ = new QHBoxLayout;
    right_->setSpacing(2);
    right_->addStretch(1);
    right_->addWidget(shuttle_);
    right_->addWidget(follow);

    // Three columns, the outer two stretching equally: the buttons stay
    // centred under the picture whatever the side widgets measure.
    left_ = new QHBoxLayout;
    left_->setSpacing(6);
    left_->addWidget(timecode_);
    left_->addStretch(1);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(8, 4, 8, 4);
    grid->addLayout(left_, 0, 0);
    grid->addLayout(buttons, 0, 1, Qt::AlignCenter);
    grid->addLayout(right_, 0, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(2, 1);

    connect(&transport_, &Transport::frameChanged, this,
            [this](qint64 frame) { showFrame(frame); });
    connect(&player_, &Player::playingChanged, this, [this](bool playing) {
        if (playing) playStart_ = transport_.frame();
        updatePlayState();
    });
    connect(&player_, &Player::rateChanged, this, &TransportBar::updatePlayState);
    beatTimer_ = new QTimer(this);
    beatTimer_->setInterval(15); // about the screen's pace: a flash is a fifth of a beat
    connect(beatTimer_, &QTimer::timeout, this, &TransportBar::showBeat);
    showFrame(transport_.frame());
    updatePlayState();
    updateTips();
}

QToolButton* TransportBar::addButton(Role role, int glyph, const QString& text) {
    static const char* const names[RoleCount] = {
        "playPause",     "pause",     "shuttleBackward", "shuttleForward", "loop",
        "previousFrame", "nextFrame", "toStart",         "toEnd",          "followPlayhead"};
    auto* button = new QToolButton(this);
    button->setObjectName(QString::fromLatin1(names[role]));
    button->setIcon(transport_icons::icon(static_cast<Glyph>(glyph), iconColor(*this)));
    button->setIconSize(QSize(20, 20));
    button->setProperty("actionText", text);
    buttons_[role] = button;
    if (role == Loop || role == Follow) {
        connect(button, &QToolButton::toggled, this, [this, role](bool on) {
            if (actions_[role])
                actions_[role]->setChecked(on);
            else if (role == Loop)
                player_.setLoopEnabled(on);
        });
    } else {
        connect(button, &QToolButton::clicked, this, [this, role] { run(role); });
    }
    return button;
}

void TransportBar::run(Role role) {
    if (actions_[role]) {
        actions_[role]->trigger();
        return;
    }
    switch (role) {
    case PlayPause:
        player_.togglePlay();
        break;
    case Pause:
        player_.pause();
        break;
    case ShuttleBack:
        player_.shuttleBackward();
        break;
    case ShuttleForward:
        player_.shuttleForward();
        break;
    case PreviousFrame:
        transport_.step(-1);
        break;
    case NextFrame:
        transport_.step(1);
        break;
    case ToStart:
        transport_.toStart();
        break;
    case ToEnd:
        transport_.toEnd();
        break;
    case Loop:
    case Follow:
    case RoleCount:
        break;
    }
}

void TransportBar::adoptActions(const QList<QAction*>& actions) {
    const QKeySequence keys[RoleCount] = {QKeySequence(Qt::Key_Space),
                                          QKeySequence(Qt::Key_K),
                                          QKeySequence(Qt::Key_J),
                                          QKeySequence(Qt::Key_L),
                                          QKeySequence(Qt::CTRL | Qt::Key_L),
                                          QKeySequence(Qt::Key_Left),
                                          QKeySequence(Qt::Key_Right),
                                          QKeySequence(Qt::Key_Home),
                                          QKeySequence(Qt::Key_End),
                                          QKeySequence()};
    for (QAction* action : actions) {
        if (action->objectName() == QStringLiteral("followPlayhead")) {
            actions_[Follow] = action;
            continue;
        }
        for (int role = 0; role < RoleCount; ++role)
            if (!keys[role].isEmpty() && action->shortcuts().contains(keys[role]))
                actions_[role] = action;
    }
    for (Role role : {Loop, Follow}) {
        QAction* action = actions_[role];
        if (!action) continue;
        QToolButton* button = buttons_[role];
        button->setEnabled(true);
        {
            const QSignalBlocker block(button);
            button->setChecked(action->isChecked());
        }
        connect(action, &QAction::toggled, button, [button](bool on) {
            const QSignalBlocker block(button);
            button->setChecked(on);
        });
    }
    for (QAction* action : actions_)
        if (action)
            connect(action, &QAction::changed, this, &TransportBar::updateTips,
                    Qt::UniqueConnection);
    updateTips();
}

void TransportBar::setFrameRate(engine::Rational rate) {
    if (!rate.valid()) return;
    rate_ = rate;
    showFrame(transport_.frame());
}

void TransportBar::stop() {
    if (player_.playing()) {
        const qint64 back = playStart_;
        run(Pause);
        transport_.setFrame(back);
    } else {
        transport_.toStart();
    }
}

bool TransportBar::jumpTo(const QString& text) {
    const auto frame = parseTimecode(text, rate_);
    if (!frame) {
        timecode_->setText(formatTimecode(transport_.frame(), rate_));
        QToolTip::showText(
            timecode_->mapToGlobal(QPoint(0, timecode_->height())),
            tr("\u201C%1\u201D is not a time. Type a timecode (00:00:01:00), seconds (1.5s) or a "
               "frame number, then Enter.")
                .arg(text.trimmed()),
            timecode_);
        return false;
    }
    transport_.setFrame(*frame);
    timecode_->setText(formatTimecode(transport_.frame(), rate_));
    timecode_->clearFocus(); // Space and the arrows drive playback again
    return true;
}

QString TransportBar::shuttleText() const {
    if (!player_.playing()) return QString(kPausedGlyph);
    const double rate = player_.rate();
    return QStringLiteral("%1 %2×")
        .arg(rate < 0 ? kReverseGlyph : kPlayGlyph)
        .arg(QString::number(std::abs(rate)));
}

QString TransportBar::tip(Role role, const QString& text) const {
    const QAction* action = actions_[role];
    if (!action || action->shortcut().isEmpty()) return text;
    return QStringLiteral("%1 (%2)").arg(text,
                                         action->shortcut().toString(QKeySequence::NativeText));
}

void TransportBar::updateTips() {
    for (int role = 0; role < RoleCount; ++role)
        if (QToolButton* button = buttons_[role])
            button->setToolTip(tip(Role(role), role == PlayPause && player_.playing()
                                                   ? tr("Pause")
                                                   : button->property("actionText").toString()));
    auto key = [this](Role role, const char* fallback) {
        return actions_[role] ? actions_[role]->shortcut().toString(QKeySequence::NativeText)
                              : QString::fromLatin1(fallback);
    };
    shuttle_->setToolTip(
        tr("Shuttle: %1 plays backwards, %2 forwards, faster with each press (up to 4×); %3 pauses")
            .arg(key(ShuttleBack, "J"), key(ShuttleForward, "L"), key(Pause, "K")));
}

void TransportBar::updatePlayState() {
    buttons_[PlayPause]->setIcon(
        transport_icons::icon(player_.playing() ? Glyph::Pause : Glyph::Play, iconColor(*this)));
    shuttle_->setText(shuttleText());
    updateTips();
    showBeat();
}

void TransportBar::showFrame(qint64 frame) {
    if (timecode_->hasFocus() && timecode_->isModified()) return; // the user is typing
    timecode_->setText(formatTimecode(frame, rate_));
}

void TransportBar::attachTempo(ProjectDocument& doc) {
    if (tempo_) return;
    doc_ = &doc;
    beat_ = new BeatIndicator(this);
    tempo_ = new TempoControl(doc, this);
    left_->insertWidget(1, beat_);
    left_->insertWidget(2, tempo_);
    balanceSides();
    showBeat();
}

void TransportBar::attachAutomation(AutomationRecorder& recorder) {
    if (automation_) return;
    automation_ = new AutomationModeBox(recorder, this);
    right_->insertWidget(1, automation_); // after the stretch, before the shuttle
    balanceSides();
}

void TransportBar::balanceSides() {
    // Both sides as wide as the wider, so the buttons stay centred under the picture.
    if (auto* grid = qobject_cast<QGridLayout*>(layout())) {
        const int side = std::max(left_->sizeHint().width(), right_->sizeHint().width());
        grid->setColumnMinimumWidth(0, side);
        grid->setColumnMinimumWidth(2, side);
    }
}

void TransportBar::showBeat() {
    if (!beat_) return;
    const bool playing = player_.playing();
    if (playing && !beatTimer_->isActive()) beatTimer_->start();
    if (!playing) beatTimer_->stop();
    beat_->setActive(playing);
    if (!playing) return;
    const auto position = beatAt(player_.position(), rate_, doc_->project().tempoBpm);
    beat_->setLevel(position ? beatFlash(position->phase) : 0);
}

QWidget* TransportBar::under(QWidget* viewer, TransportBar* bar, QWidget* parent) {
    auto* panel = new QWidget(parent);
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(viewer, 1);
    column->addWidget(bar);
    return panel;
}

} // namespace entropic::app
