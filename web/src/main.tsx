// Entry of the Reelsmith SPA: global styles, start-up (share link or the last project), render.
import { render } from "preact";
import { App } from "./app.tsx";
import { boot } from "./model/workspace.ts";
import "./style.css";

boot();
render(<App />, document.getElementById("app")!);
