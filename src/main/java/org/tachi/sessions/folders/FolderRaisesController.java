package org.tachi.sessions.folders;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tachi.sessions.envelope.ApiResponse;

@RestController
class FolderRaisesController {

    private final FolderRaisesService raises;

    FolderRaisesController(FolderRaisesService raises) {
        this.raises = raises;
    }

    @GetMapping("/api/v1/sessions/{sessionID}/folder-raises")
    ApiResponse folderRaises(@PathVariable String sessionID) {
        return ApiResponse.ok("Retrieved folder raises.", raises.of(sessionID));
    }
}
