// The page: setup (platform, media) · conversation · output (timeline, export, preview), one column on phones;
// or, at /s/:token, one shared video.
import { AppHeader } from "./components/app-header/index.tsx";
import { ChatPanel } from "./components/chat-panel/index.tsx";
import { DropZone } from "./components/drop-zone/index.tsx";
import { ExportPanel } from "./components/export-panel/index.tsx";
import { PresetPicker } from "./components/preset-picker/index.tsx";
import { ProjectList } from "./components/project-list/index.tsx";
import { ProjectNote } from "./components/project-note/index.tsx";
import { SharedVideo } from "./components/shared-video/index.tsx";
import { sharedToken } from "./model/share-link.ts";

export function App() {
  const token = sharedToken();
  if (token)
    return (
      <div class="app">
        <AppHeader />
        <SharedVideo token={token} />
      </div>
    );
  return (
    <div class="app">
      <AppHeader workspace />
      <ProjectNote />
      <main class="workspace">
        <div class="workspace__setup">
          <PresetPicker />
          <DropZone />
        </div>
        <ChatPanel />
        <div class="workspace__output">
          <ExportPanel />
        </div>
      </main>
      <ProjectList />
    </div>
  );
}
