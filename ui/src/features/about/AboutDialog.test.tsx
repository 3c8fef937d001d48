import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AboutButton } from "./AboutButton";

afterEach(() => clearMocks());

describe("About Agent Secrets", () => {
  it("shows the app's version from Tauri and closes with Escape, focus back on the button", async () => {
    const commands: string[] = [];
    mockIPC((cmd) => {
      commands.push(cmd);
      if (cmd === "plugin:app|version") return "9.8.7";
      throw new Error(`unexpected command ${cmd}`);
    });
    const user = userEvent.setup();
    render(<AboutButton />);

    const button = screen.getByRole("button", { name: "About Agent Secrets" });
    await user.click(button);
    const dialog = screen.getByRole("dialog", { name: "About Agent Secrets" });
    expect(await screen.findByTestId("about-version")).toHaveTextContent("Version 9.8.7");
    expect(dialog).toHaveAccessibleDescription(/offline secrets manager/);
    expect(commands).toEqual(["plugin:app|version"]);
    expect(screen.getByRole("button", { name: "Close" })).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(button).toHaveFocus();
  });

  it("says the version is unknown when Tauri cannot tell", async () => {
    const failure = vi.fn(() => {
      throw new Error("not allowed");
    });
    mockIPC(failure);
    const user = userEvent.setup();
    render(<AboutButton />);
    await user.click(screen.getByRole("button", { name: "About Agent Secrets" }));
    expect(await screen.findByTestId("about-version")).toHaveTextContent("Version unknown");
    expect(failure).toHaveBeenCalled();
  });
});
