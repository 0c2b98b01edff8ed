// The page: setup (platform, media) · conversation · output (timeline, export, preview); one column on phones.
import { AppHeader } from "./components/app-header/index.tsx";
import { ChatPanel } from "./components/chat-panel/index.tsx";
import { DropZone } from "./components/drop-zone/index.tsx";
import { ExportPanel } from "./components/export-panel/index.tsx";
import { PresetPicker } from "./components/preset-picker/index.tsx";

export function App() {
  return (
    <div class="app">
      <AppHeader />
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
    </div>
  );
}
