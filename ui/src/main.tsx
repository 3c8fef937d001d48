// Global styles first, so feature styles imported by the components come after them.
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/shared.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { applyTheme, savedTheme } from "./features/settings/theme";

applyTheme(savedTheme());

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
