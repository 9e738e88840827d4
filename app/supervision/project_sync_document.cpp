// ProjectSync following a ProjectDocument. Kept apart from project_sync.cpp so
// that only code which uses documents links the model.
#include "model/project_document.h"
#include "supervision/project_sync.h"

namespace entropic::app {

void ProjectSync::setDocument(ProjectDocument* document) {
    disconnect(documentConnection_);
    QPointer<ProjectDocument> doc(document);
    documentConnection_ =
        connect(document, &ProjectDocument::changed, this, &ProjectSync::projectChanged);
    setSource([doc]() -> Snapshot {
        if (!doc) return {};
        return {doc->toEngineJson(), doc->baseDir()};
    });
}

} // namespace entropic::app
