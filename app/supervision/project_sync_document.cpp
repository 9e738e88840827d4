// ProjectSync following a ProjectDocument. Kept apart from project_sync.cpp so
// that only code which uses documents links the model.
#include "model/project_document.h"
#include "supervision/project_sync.h"

namespace entropic::app {

void ProjectSync::setDocument(ProjectDocument* document) {
    disconnect(documentConnection_);
    disconnect(liveConnection_);
    QPointer<ProjectDocument> doc(document);
    documentConnection_ =
        connect(document, &ProjectDocument::changed, this, &ProjectSync::projectChanged);
    // A pad held down (performance/) reaches the engine like any change.
    liveConnection_ =
        connect(document, &ProjectDocument::liveChanged, this, &ProjectSync::projectChanged);
    setSource([doc]() -> Snapshot {
        if (!doc) return {};
        return {doc->toLiveEngineJson(), doc->baseDir()};
    });
}

} // namespace entropic::app
