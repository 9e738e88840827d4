#include "browser/effect_browser.h"

#include <QDrag>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QMouseEvent>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "entropic/effects/registry.h"

namespace entropic::app {
namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kPresetRole = Qt::UserRole + 2; // set on preset items and their group

struct Category {
    const char* key;
    const char* title;
};
constexpr Category kCategories[] = {
    {"util", "Tools (util)"}, {"fx", "Effects (fx)"}, {"mod", "Modulators (mod)"}};

// A tree that starts a drag carrying the effect id.
class EffectTree : public QTreeWidget {
  public:
    using QTreeWidget::QTreeWidget;

  protected:
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override {
        if (items.isEmpty() || items.front()->data(0, kIdRole).toString().isEmpty()) return nullptr;
        const bool preset = items.front()->data(0, kPresetRole).toBool();
        auto* mime = new QMimeData;
        mime->setData(preset ? kPresetMimeType : kEffectMimeType,
                      items.front()->data(0, kIdRole).toString().toUtf8());
        mime->setText(items.front()->data(0, kIdRole).toString());
        return mime;
    }
    QStringList mimeTypes() const override {
        return {QString::fromLatin1(kEffectMimeType), QString::fromLatin1(kPresetMimeType)};
    }
};

} // namespace

EffectBrowser::EffectBrowser(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Search effects…"));
    search_->setClearButtonEnabled(true);
    tree_ = new EffectTree(this);
    tree_->setHeaderHidden(true);
    tree_->setDragEnabled(true);
    tree_->setDragDropMode(QAbstractItemView::DragOnly);
    tree_->setRootIsDecorated(true);
    layout->addWidget(search_);
    layout->addWidget(tree_);
    connect(search_, &QLineEdit::textChanged, this, [this] { rebuild(); });
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, kIdRole).toString();
        if (id.isEmpty()) return;
        if (item->data(0, kPresetRole).toBool())
            Q_EMIT presetActivated(id);
        else
            Q_EMIT effectActivated(id);
    });
    // A preset file that does not load is left out; the others still show.
    presets_ = engine::loadPresets(engine::presetFolder());
    rebuild();
}

void EffectBrowser::setFilter(const QString& text) {
    search_->setText(text);
}

int EffectBrowser::visibleEffectCount() const {
    int count = 0;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        if (!tree_->topLevelItem(i)->data(0, kPresetRole).toBool())
            count += tree_->topLevelItem(i)->childCount();
    return count;
}

int EffectBrowser::visiblePresetCount() const {
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        if (tree_->topLevelItem(i)->data(0, kPresetRole).toBool())
            return tree_->topLevelItem(i)->childCount();
    return 0;
}

void EffectBrowser::rebuild() {
    tree_->clear();
    const QString filter = search_->text().trimmed();
    for (const auto& category : kCategories) {
        auto* group = new QTreeWidgetItem(tree_, {tr(category.title)});
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const auto* d : fx::EffectRegistry::builtin().all()) {
            if (d->category != category.key) continue;
            // Old versions stay loadable for saved projects but are not offered for new use.
            if (fx::EffectRegistry::builtin().find(d->id) != d) continue;
            const QString name = QString::fromStdString(d->name);
            const QString id = QString::fromStdString(d->id);
            const QString help = QString::fromStdString(d->help);
            if (!filter.isEmpty() && !name.contains(filter, Qt::CaseInsensitive) &&
                !id.contains(filter, Qt::CaseInsensitive) &&
                !help.contains(filter, Qt::CaseInsensitive))
                continue;
            auto* item = new QTreeWidgetItem(group, {name});
            item->setData(0, kIdRole, id);
            item->setToolTip(0, QStringLiteral("%1\n%2").arg(id, help));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
        if (group->childCount() == 0) delete group;
    }
    auto* group = new QTreeWidgetItem(tree_, {tr("Presets")});
    group->setFlags(Qt::ItemIsEnabled);
    group->setData(0, kPresetRole, true);
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    for (const auto& preset : presets_) {
        const QString name = QString::fromStdString(preset.name);
        const QString description = QString::fromStdString(preset.description);
        QStringList chain;
        for (const auto& e : preset.effects)
            chain << QString::fromStdString(e.descriptor->name);
        if (!filter.isEmpty() && !name.contains(filter, Qt::CaseInsensitive) &&
            !description.contains(filter, Qt::CaseInsensitive) &&
            !chain.join(' ').contains(filter, Qt::CaseInsensitive))
            continue;
        auto* item = new QTreeWidgetItem(group, {name});
        item->setData(0, kIdRole, QString::fromStdString(preset.id));
        item->setData(0, kPresetRole, true);
        item->setToolTip(
            0, QStringLiteral("%1\n%2").arg(description, chain.join(QStringLiteral(" → "))));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    if (group->childCount() == 0) delete group;
    tree_->expandAll();
}

} // namespace entropic::app
