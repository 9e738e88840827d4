// "Modulate by…" on a knob, as a user picks from it, without an engine: the
// clip's own sound (level, a band) and picture (brightness, motion) are
// offered; picking one adds the source and the route as one undo step; every
// name shown is in words, never an internal id or kind name.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDialog>
#include <QMenu>
#include <QTimer>

#include "commands/edits.h"
#include "inspector/param_control.h"
#include "modulation/param_motion.h"
#include "modulation/signal_names.h"
#include "modulation/signal_values.h"
#include "test_support.h"
#include "transport/transport.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

QAction* findAction(QMenu& menu, const QString& text) {
    for (auto* action : menu.actions()) {
        if (action->text() == text) return action;
        if (action->menu())
            if (auto* inner = findAction(*action->menu(), text)) return inner;
    }
    return nullptr;
}

QStringList texts(QMenu& menu) {
    QStringList out;
    for (auto* action : menu.actions()) {
        out << action->text();
        if (action->menu()) out << texts(*action->menu());
    }
    return out;
}

// Picks an entry; the route dialog it opens is closed with OK as soon as it shows.
void pick(QAction* action) {
    QTimer closer;
    closer.setInterval(10);
    QObject::connect(&closer, &QTimer::timeout, [] {
        if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget()))
            dialog->accept();
    });
    closer.start();
    action->trigger();
}

// Internal ids and kind names must never reach a menu.
void checkWords(const QStringList& shown) {
    for (const QString& text : shown) {
        INFO(text.toStdString());
        for (const char* id : {"audio.", "video.", "mod.", "rms-", "band-", "luma-", "motion-",
                               "lfo-", "route-", "fx-1"})
            CHECK_FALSE(text.contains(QString::fromLatin1(id)));
    }
}

const fx::ParamSpec& noiseAmount(const ProjectDocument& doc) {
    for (const auto& p : clip(doc, "b")->effects[0].descriptor->params)
        if (p.key == "amount") return p;
    FAIL("fx.noise has no amount");
    throw;
}

} // namespace

TEST_CASE(
    "Modulate by… offers the clip's sound and picture, each a source and route in one undo step",
    "[app][signals]") {
    LoadedFixture f;
    Transport transport;
    SignalValues values(f.doc, nullptr, nullptr, transport);
    ParamControl control(noiseAmount(f.doc));
    ParamMotion motion(f.doc, values, control, sig::ParamTarget{"fx-1", "amount", 0}, nullptr);

    QMenu first;
    motion.fillModulateMenu(first);
    for (const char* entry : {"New LFO", "Sound level of this clip", "Sound band of this clip",
                              "Low (20–250 Hz)", "Mid (250 Hz–4 kHz)", "High (4–16 kHz)",
                              "Video brightness of this clip", "Video motion of this clip"})
        CHECK(findAction(first, QString::fromUtf8(entry)));
    checkWords(texts(first));

    const int entries = f.doc.undoStack()->count();
    pick(findAction(first, QStringLiteral("Sound level of this clip")));
    CHECK(f.doc.undoStack()->count() == entries + 1);
    const auto& spec = f.doc.project().signals;
    REQUIRE(spec.sources.size() == 1);
    CHECK(spec.sources[0].kind == sig::SourceKind::AudioRms);
    CHECK(spec.sources[0].media == "b");
    REQUIRE(spec.routes.size() == 1);
    CHECK(spec.routes[0].signal == spec.sources[0].id);
    CHECK(spec.routes[0].target == sig::ParamTarget{"fx-1", "amount", 0});
    CHECK(f.doc.undoStack()->text(entries) ==
          QStringLiteral("Modulate Noise amount by Sound level of clip b.mp4"));

    // The source is now offered by name; picking this clip's level again
    // routes from it instead of measuring the same sound twice.
    QMenu second;
    motion.fillModulateMenu(second);
    CHECK(findAction(second, QStringLiteral("Sound level of clip b.mp4")));
    checkWords(texts(second));
    pick(findAction(second, QStringLiteral("Sound level of this clip")));
    CHECK(f.doc.project().signals.sources.size() == 1);
    CHECK(f.doc.project().signals.routes.size() == 2);

    // A band and the picture's brightness, and a new LFO: one step each.
    QMenu third;
    motion.fillModulateMenu(third);
    pick(findAction(third, QStringLiteral("Low (20–250 Hz)")));
    pick(findAction(third, QStringLiteral("Video brightness of this clip")));
    pick(findAction(third, QStringLiteral("New LFO")));
    CHECK(f.doc.undoStack()->count() == entries + 5);
    REQUIRE(spec.sources.size() == 3);
    CHECK(spec.sources[1].kind == sig::SourceKind::AudioBand);
    CHECK(spec.sources[1].bandLowHz == 20);
    CHECK(spec.sources[1].bandHighHz == 250);
    CHECK(spec.sources[2].kind == sig::SourceKind::VideoLuma);
    REQUIRE(spec.operators.size() == 1);
    CHECK(spec.routes.size() == 5);

    QMenu fourth;
    motion.fillModulateMenu(fourth);
    const QStringList shown = texts(fourth);
    CHECK(shown.contains(QStringLiteral("Sound band 20–250 Hz of clip b.mp4")));
    CHECK(shown.contains(QStringLiteral("Video brightness of clip b.mp4")));
    CHECK(shown.contains(QStringLiteral("LFO 1")));
    checkWords(shown);
    QMenu whole;
    motion.fillMenu(whole);
    checkWords(texts(whole));
    for (int i = 0; i < f.doc.undoStack()->count(); ++i)
        checkWords({f.doc.undoStack()->text(i)});

    // Undo takes the LFO and its route away together, then the rest, one step each.
    f.doc.undoStack()->undo();
    CHECK(spec.operators.empty());
    CHECK(spec.routes.size() == 4);
    f.doc.undoStack()->undo();
    CHECK(spec.sources.size() == 2);
    CHECK(spec.routes.size() == 3);
    f.doc.undoStack()->setIndex(entries);
    CHECK(saved(f.doc) == f.original);
}

TEST_CASE("signal names are words: sources by what and which clip, operators by kind and number",
          "[app][signals]") {
    LoadedFixture f;
    QString error, lfo, rms;
    REQUIRE(edits::addOperator(f.doc, "mod.lfo", {}, &error, &lfo));
    REQUIRE(edits::addSource(f.doc, sig::SourceKind::AudioRms, "m", &error, &rms));
    CHECK(f.doc.undoStack()->text(1) == QStringLiteral("Add Sound level of clip music.m4a"));
    const auto& project = f.doc.project();
    CHECK(signalNodeName(project, lfo.toStdString()) == QStringLiteral("LFO 1"));
    CHECK(signalNodeName(project, rms.toStdString()) ==
          QStringLiteral("Sound level of clip music.m4a"));
    REQUIRE(edits::renameSignalNode(f.doc, rms, "Kick", &error));
    CHECK(signalNodeName(f.doc.project(), rms.toStdString()) ==
          QStringLiteral("Kick (Sound level of clip music.m4a)"));
    CHECK(sourceKindLabel(sig::SourceKind::VideoLuma) == QStringLiteral("Video brightness"));
    CHECK(sourceKindLabel(sig::SourceKind::VideoMotion) == QStringLiteral("Video motion"));
    for (auto kind : sig::allSourceKinds()) {
        CHECK_FALSE(sourceKindLabel(kind).contains(QLatin1Char('.')));
        for (const auto& [label, media] : measurableMedia(project, kind)) {
            INFO(label.toStdString());
            CHECK(label.contains(QStringLiteral(".m"))); // the file's name ("a.mp4 (V1, from …)")
            CHECK_FALSE(label.startsWith(media + QLatin1Char(' ')));
        }
    }
}
