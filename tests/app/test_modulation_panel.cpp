// The modulation panel as a user drives it, without an engine: cards follow
// the project's nodes, a form edit is one undo step, and a cycle picked in an
// input box is refused with the message while the box snaps back.
#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>

#include "commands/edits.h"
#include "inspector/param_control.h"
#include "modulation/modulation_panel.h"
#include "modulation/signal_node_card.h"
#include "modulation/signal_values.h"
#include "test_support.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

TEST_CASE("the modulation panel edits signals and refuses a cycle from its input boxes",
          "[app][signals]") {
    LoadedFixture f;
    Transport transport;
    ClipSelection selection;
    SignalValues values(f.doc, nullptr, nullptr, transport);
    ModulationPanel panel(f.doc, values, selection);
    QSignalSpy messages(&panel, &ModulationPanel::message);
    CHECK(panel.cards().isEmpty());

    // An operator that needs an input, with nothing to read: refused, said why.
    CHECK(panel.addOperator("op.math").isEmpty());
    REQUIRE(messages.count() == 1);
    CHECK(messages.at(0).at(0).toString().contains("add a source or an LFO first"));

    const QString lfo = panel.addOperator("mod.lfo");
    const QString math = panel.addOperator("op.math"); // reads the LFO
    const QString gate = panel.addOperator("op.gate");
    REQUIRE(panel.cards().size() == 3);
    CHECK(f.doc.project().signals.operators[2].inputs ==
          std::vector<std::string>{lfo.toStdString()});

    // A knob on the LFO's card: one undo entry, the value stored.
    auto* card = panel.cards()[0];
    ParamControl* depth = nullptr;
    for (auto* c : card->findChildren<ParamControl*>())
        if (c->spec().key == "depth") depth = c;
    REQUIRE(depth);
    const int entries = f.doc.undoStack()->count();
    Q_EMIT depth->edited({0.25, 0, 0, 0}, edits::newGestureId());
    CHECK(f.doc.undoStack()->count() == entries + 1);
    CHECK(f.doc.project().signals.operators[0].params.at("depth") == 0.25);

    // Rename through the name box.
    auto* name = card->findChild<QLineEdit*>();
    REQUIRE(name);
    name->setText("Wobble");
    Q_EMIT name->editingFinished();
    CHECK(f.doc.project().signals.operators[0].name == "Wobble");

    // The gate reads math; picking the gate as math's input would close a loop.
    REQUIRE(edits::setOperatorInputs(f.doc, gate, {math}));
    const std::string before = saved(f.doc);
    SignalNodeCard* mathCard = nullptr;
    for (auto* c : panel.cards())
        if (QString::fromStdString(c->nodeId()) == math) mathCard = c;
    REQUIRE(mathCard);
    auto* input = mathCard->findChild<QComboBox*>();
    REQUIRE(input);
    const int lfoIndex = input->currentIndex();
    input->setCurrentIndex(input->findData(gate)); // math ← gate ← math: a cycle
    CHECK(messages.last().at(0).toString().contains("cycle"));
    CHECK(saved(f.doc) == before);
    CHECK(input->currentIndex() == lfoIndex); // the box shows what the project holds

    // Undo to the start: no signals, no cards, the file as it was.
    f.doc.undoStack()->setIndex(0);
    CHECK(panel.cards().isEmpty());
    CHECK(saved(f.doc) == f.original);
}
