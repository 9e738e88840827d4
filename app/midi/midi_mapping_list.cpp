#include "midi/midi_mapping_list.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "commands/midi_edits.h"
#include "midi/midi_control.h"
#include "midi/midi_knobs.h"
#include "model/project_document.h"

namespace entropic::app {

MidiMappingList::MidiMappingList(ProjectDocument& doc, MidiControl& midi, QWidget* parent)
    : QWidget(parent), doc_(doc), midi_(midi) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    cancelLearn_ = new QPushButton(tr("Cancel learn"), this);
    connect(cancelLearn_, &QPushButton::clicked, &midi_, &MidiControl::cancelLearn);
    bar->addWidget(status_, 1);
    bar->addWidget(cancelLearn_);
    layout->addLayout(bar);

    table_ = new QTableWidget(0, kColumns, this);
    table_->setHorizontalHeaderLabels(
        {tr("Controller"), tr("Knob"), tr("Min"), tr("Max"), tr("Invert"), QString()});
    auto* header = table_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(kKnob, QHeaderView::Stretch);
    table_->setMaximumHeight(160);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->verticalHeader()->hide();
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setToolTip(tr("Right-click a knob (effect or operator parameter, track opacity or "
                          "volume) → MIDI Learn, then move a controller"));
    layout->addWidget(table_);

    // Queued: an edit from a box in the table must not delete that box under itself.
    connect(&doc_, &ProjectDocument::changed, this, &MidiMappingList::refresh,
            Qt::QueuedConnection);
    connect(&midi_.input(), &MidiInput::devicesChanged, this, &MidiMappingList::refreshStatus);
    connect(&midi_, &MidiControl::learningChanged, this, &MidiMappingList::refreshStatus);
    refresh();
    refreshStatus();
}

void MidiMappingList::refreshStatus() {
    cancelLearn_->setVisible(midi_.learning());
    if (midi_.learning()) {
        status_->setText(tr("MIDI learn: move a controller (or play a note for a pad)…"));
        return;
    }
    const QStringList open = midi_.input().openDevices();
    if (!open.isEmpty())
        status_->setText(tr("MIDI in: %1").arg(open.join(QStringLiteral(", "))));
    else if (!midi_.input().running())
        status_->setText(tr("MIDI: off (Preferences)"));
    else
        status_->setText(midi_.input().problem());
}

void MidiMappingList::refresh() {
    const auto& mappings = doc_.editorState().midiMappings;
    QStringList names;
    for (const auto& m : mappings)
        names << knobName(doc_, m.target) + (knobRange(doc_, m.target) ? QString() : tr(" (gone)"));
    if (mappings == shown_ && names == shownNames_ && table_->rowCount() == int(names.size()))
        return;
    shown_ = mappings;
    shownNames_ = names;
    updating_ = true;
    table_->setRowCount(static_cast<int>(mappings.size()));
    for (int row = 0; row < static_cast<int>(mappings.size()); ++row) {
        const auto& m = mappings[static_cast<std::size_t>(row)];
        const QString controller = m.channel == 0
                                       ? tr("CC %1").arg(m.controller)
                                       : tr("CC %1 · ch %2").arg(m.controller).arg(m.channel);
        table_->setItem(row, kController, new QTableWidgetItem(controller));
        auto* knob = new QTableWidgetItem(names[row]);
        knob->setToolTip(names[row]);
        table_->setItem(row, kKnob, knob);
        const auto range = knobRange(doc_, m.target).value_or(KnobRange{-1e6, 1e6, false});
        for (int column : {kMin, kMax}) {
            auto* box = new QDoubleSpinBox(table_);
            box->setRange(range.min, range.max);
            box->setDecimals(range.whole ? 0 : 3);
            box->setKeyboardTracking(false);
            box->setButtonSymbols(QAbstractSpinBox::NoButtons);
            box->setMaximumWidth(70);
            box->setValue(column == kMin ? m.min : m.max);
            connect(box, &QDoubleSpinBox::valueChanged, this,
                    [this, row, column](double v) { edit(row, column, v); });
            table_->setCellWidget(row, column, box);
        }
        auto* invert = new QCheckBox(table_);
        invert->setChecked(m.invert);
        connect(invert, &QCheckBox::toggled, this,
                [this, row](bool on) { edit(row, kInvert, on ? 1 : 0); });
        table_->setCellWidget(row, kInvert, invert);
        auto* remove = new QToolButton(table_);
        remove->setText(QStringLiteral("✕"));
        remove->setToolTip(tr("Delete this mapping"));
        connect(remove, &QToolButton::clicked, this, [this, row] {
            QString error;
            edits::removeMidiMapping(doc_, row, &error);
        });
        table_->setCellWidget(row, kRemove, remove);
    }
    updating_ = false;
}

void MidiMappingList::edit(int row, int column, double value) {
    if (updating_) return;
    const auto& mappings = doc_.editorState().midiMappings;
    if (row < 0 || row >= static_cast<int>(mappings.size())) return;
    MidiMapping m = mappings[static_cast<std::size_t>(row)];
    if (column == kMin) m.min = value;
    if (column == kMax) m.max = value;
    if (column == kInvert) m.invert = value != 0;
    edits::setMidiMapping(doc_, row, m);
}

} // namespace entropic::app
