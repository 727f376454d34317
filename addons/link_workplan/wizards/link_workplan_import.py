# Copyright 2026 LINk Host Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import csv
import io
import re
import zipfile

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import file_open

from ..models.deadline import parse_deadline

STREAM_RE = re.compile(r"^work\s*stream\s+[\w-]+\s*:\s*(.+)$", re.IGNORECASE)
TARGET_RE = re.compile(r"^target\s+([A-Z0-9]+)\s*:\s*(.+)$", re.IGNORECASE | re.DOTALL)
MILESTONE_RE = re.compile(r"^milestones?\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
LEGEND_RE = re.compile(
    r"\b([A-Z]{2,4})\s*[–-]\s*([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+)"
)
HEADER = ("action", "lead", "support", "deadline", "progress")


class LinkWorkplanImport(models.TransientModel):
    """Import an action plan laid out like the Kent plan: a key of initials,
    "Work Stream N: NAME" headings with their aim, "Target X:" and
    "Milestone:" rows, then ACTION, LEAD, SUPPORT, DEADLINE, PROGRESS rows.
    All or nothing: one unreadable row and nothing is created."""

    _name = "link.workplan.import"
    _description = "Import an action plan"

    workplan_id = fields.Many2one("link.workplan", string="Work plan", required=True)
    file = fields.Binary(required=True)
    filename = fields.Char()
    report = fields.Text(readonly=True)

    # --- reading ------------------------------------------------------------------

    def _rows(self):
        """The file's rows as lists of text. A file that is not a readable
        CSV or XLSX is refused with a UserError, never a crash."""
        data = base64.b64decode(self.file or b"")
        try:
            if (self.filename or "").lower().endswith(".xlsx"):
                sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
                if sheet is None or not hasattr(sheet, "iter_rows"):
                    raise ValueError("no worksheet")
                return [
                    ["" if cell is None else str(cell) for cell in row]
                    for row in sheet.iter_rows(values_only=True)
                ]
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
            return list(csv.reader(io.StringIO(text)))
        except (
            zipfile.BadZipFile,
            InvalidFileException,
            KeyError,
            ValueError,
            csv.Error,
            OSError,
        ) as error:
            raise UserError(
                self.env._(
                    "Nothing was imported: %(file)s cannot be read as a CSV or"
                    " XLSX file (%(error)s).",
                    file=self.filename or self.env._("the file"),
                    error=str(error)[:200],
                )
            ) from error

    @staticmethod
    def _paragraphs(cell):
        """A cell may hold several paragraphs as HTML (<p>Target A…</p> <p>…)."""
        parts = re.split(r"</p>\s*<p>|<p>|</p>", cell)
        return [re.sub(r"<[^>]+>", "", part).strip() for part in parts if part.strip()]

    def _parse(self, rows):
        """The plan as plain data, and the problems found, by line number."""
        legend, streams, problems = {}, [], []
        stream = target = action = None
        reference = self.workplan_id.date_start
        for number, row in enumerate(rows, start=1):
            cells = [cell.strip() for cell in row] + [""] * 5
            first = cells[0]
            if not any(cells):
                continue
            if first.lower().startswith("key") or (
                not streams and LEGEND_RE.search(first)
            ):
                legend.update(LEGEND_RE.findall(re.sub(r"\*", "", " ".join(cells))))
                continue
            if match := STREAM_RE.match(first):
                name = match.group(1).strip()
                stream = {
                    "name": name.capitalize() if name.isupper() else name,
                    "aim": "",
                    "targets": [],
                    "actions": [],
                    "line": number,
                }
                streams.append(stream)
                target = action = None
                continue
            if stream is None:
                continue  # the title lines above the first stream
            if tuple(c.lower() for c in cells[:5]) == HEADER:
                continue
            paragraphs = self._paragraphs(first)
            if paragraphs and (
                TARGET_RE.match(paragraphs[0]) or MILESTONE_RE.match(paragraphs[0])
            ):
                for paragraph in paragraphs:
                    if match := TARGET_RE.match(paragraph):
                        target = {
                            "code": match.group(1).upper(),
                            "name": match.group(2).strip(),
                            "milestone": "",
                        }
                        stream["targets"].append(target)
                    elif (match := MILESTONE_RE.match(paragraph)) and target:
                        target["milestone"] = match.group(1).strip()
                    else:
                        problems.append(
                            (number, self.env._("a milestone without a target"))
                        )
                action = None
                continue
            lead, support, deadline, progress = cells[1:5]
            if not (lead or support or deadline):
                if action:  # a row wrapped onto the next line
                    action["name"] = f"{action['name']} {first}".strip()
                    action["progress"] = f"{action['progress']} {progress}".strip()
                elif not stream["targets"] and not stream["actions"]:
                    stream["aim"] = f"{stream['aim']} {first}".strip()
                else:
                    problems.append(
                        (number, self.env._("text with no lead, support or deadline"))
                    )
                continue
            try:
                parse_deadline(deadline, reference)
            except ValueError:
                problems.append(
                    (number, self.env._("cannot read the deadline “%(d)s”", d=deadline))
                )
            action = {
                "name": first,
                "lead": lead,
                "support": support,
                "deadline": deadline,
                "progress": progress,
                "target": target,
                "line": number,
            }
            stream["actions"].append(action)
        if not streams:
            problems.append((0, self.env._("no “Work Stream …:” heading was found")))
        return legend, streams, problems

    # --- writing ------------------------------------------------------------------

    def action_import(self):
        self.ensure_one()
        legend, streams, problems = self._parse(self._rows())
        if problems:
            raise UserError(
                self.env._("Nothing was imported. Please correct these rows:")
                + "\n"
                + "\n".join(
                    self.env._("Line %(line)s: %(reason)s", line=line, reason=reason)
                    for line, reason in problems
                )
            )
        people, unknown = self._people(legend, streams)
        Stream = self.env["link.workstream"]
        for sequence, data in enumerate(streams, start=1):
            stream = Stream.create(
                {
                    "name": data["name"],
                    "workplan_id": self.workplan_id.id,
                    "sequence": sequence,
                    "aim": data["aim"],
                }
            )
            targets = self.env["link.workplan.target"].create(
                [
                    {
                        "workstream_id": stream.id,
                        "code": t["code"],
                        "name": t["name"],
                        "milestone": t["milestone"],
                        "sequence": i,
                    }
                    for i, t in enumerate(data["targets"], start=1)
                ]
            )
            target_of = {
                id(t): record
                for t, record in zip(data["targets"], targets, strict=True)
            }
            self.env["link.workplan.action"].create(
                [
                    self._action_vals(stream, a, i, target_of, people)
                    for i, a in enumerate(data["actions"], start=1)
                ]
            )
        counts = {
            "streams": len(streams),
            "targets": sum(len(s["targets"]) for s in streams),
            "actions": sum(len(s["actions"]) for s in streams),
        }
        report = self.env._(
            "Imported %(streams)s work streams, %(targets)s targets and %(actions)s "
            "actions.",
            **counts,
        )
        if unknown:
            report += "\n" + self.env._(
                "Initials not in the key, added as contacts: %(initials)s.",
                initials=", ".join(sorted(unknown)),
            )
        self.report = report
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _people(self, legend, streams):
        """Contacts for every set of initials used: found by the name the key
        gives, created when missing."""
        used = set()
        for stream in streams:
            for action in stream["actions"]:
                for field in ("lead", "support"):
                    used.update(self._initials(action[field]))
        names = {initials: legend.get(initials, initials) for initials in used}
        Partner = self.env["res.partner"]
        found = {
            p.name: p for p in Partner.search([("name", "in", list(names.values()))])
        }
        missing = sorted(set(names.values()) - set(found))
        for partner in Partner.create([{"name": name} for name in missing]):
            found[partner.name] = partner
        return (
            {initials: found[name] for initials, name in names.items()},
            used - set(legend),
        )

    @staticmethod
    def _initials(text):
        # "HP/LM" names two people; a lone "?" names nobody.
        parts = (part.strip() for part in re.split(r"[/,&]", text or ""))
        return [part for part in parts if re.search(r"[A-Za-z]", part)]

    def _action_vals(self, stream, action, sequence, target_of, people):
        support = [people[i].id for i in self._initials(action["support"])]
        lead = self._initials(action["lead"])
        vals = {
            "workstream_id": stream.id,
            "sequence": sequence,
            "name": action["name"],
            "lead_id": people[lead[0]].id if lead else False,
            "support_ids": [(6, 0, support + [people[i].id for i in lead[1:]])],
            "deadline_text": action["deadline"] or False,
            "target_id": target_of[id(action["target"])].id
            if action["target"]
            else False,
        }
        if action["progress"]:
            vals["progress_ids"] = [(0, 0, {"note": action["progress"]})]
        return vals

    @api.model
    def _import_demo(self, workplan_id, path):
        """Demo data: import a plan shipped with the addon."""
        with file_open(path, "rb") as plan:
            data = plan.read()
        self.create(
            {
                "workplan_id": workplan_id,
                "file": base64.b64encode(data),
                "filename": path.rsplit("/", 1)[-1],
            }
        ).action_import()
