from django.core.management.base import BaseCommand

from balekdusun.cases import reminders


class Command(BaseCommand):
    help = ("E-mail (and message) each assignee about their overdue cases and cases due within "
            "CASES_REMIND_DAYS_AHEAD days, and each office's coordinators and head about unassigned cases. Safe to run hourly from a scheduler: a case is reminded at most once "
            "per CASES_REMIND_EVERY_HOURS.")

    def handle(self, *args, **options):
        counts = reminders.send_reminders()
        self.stdout.write("reminded {assignees} assignee(s) about {cases} case(s): {emails} e-mail(s), "
                          "{messages} message(s), {failed} failed (retried next run)".format(**counts))
        digest = reminders.send_unassigned_digest()
        self.stdout.write("unassigned: {cases} case(s) in {offices} office(s), {emails} e-mail(s), "
                          "{failed} failed".format(**digest))
