"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode } from "react";

/**
 * A modal dialog (Radix: focus trap, Escape, focus returns to the trigger).
 * `trigger` is the button that opens it; `description` is read out when it opens.
 */
export function Dialog({
  trigger,
  title,
  description,
  children,
  open,
  onOpenChange,
  wide = false,
}: {
  trigger?: ReactNode;
  title: string;
  description?: string;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  wide?: boolean;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <RadixDialog.Content
          className={`fixed top-[5vh] left-1/2 z-50 max-h-[90vh] w-[calc(100vw-1.5rem)] -translate-x-1/2 overflow-y-auto rounded-lg border border-line-strong bg-surface p-4 text-fg shadow-xl ${wide ? "max-w-3xl" : "max-w-lg"}`}
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <RadixDialog.Title className="mb-3 pr-8 text-lg font-semibold">{title}</RadixDialog.Title>
          {description && <RadixDialog.Description className="mb-3 text-sm text-muted">{description}</RadixDialog.Description>}
          {children}
          {/* Last in the DOM, so opening the dialog focuses its first field, not "Close". */}
          <RadixDialog.Close aria-label="Close" className="absolute top-3 right-3 rounded p-1 text-muted hover:bg-surface-2">
            <X aria-hidden="true" className="size-4" />
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
