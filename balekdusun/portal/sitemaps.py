from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from balekdusun.core.models import Office
from balekdusun.portal.models import Agency, InfoPage, JobOpening


class StaticSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        # The forms (help, check) are left out: robots.txt keeps crawlers off them.
        return ["portal:home", "portal:jobs", "portal:agencies", "portal:legal"]

    def location(self, item):
        return reverse(item)


class OfficeSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Office.objects.order_by("pk")

    def location(self, item):
        return reverse("portal:office", args=[item.pk])


class JobSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return JobOpening.objects.public().order_by("pk")

    def location(self, item):
        return reverse("portal:job", args=[item.pk])

    def lastmod(self, item):
        return item.updated_at


class AgencySitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Agency.objects.order_by("pk")

    def location(self, item):
        return reverse("portal:agency", args=[item.pk])

    def lastmod(self, item):
        return item.updated_at


class InfoPageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return InfoPage.objects.filter(published=True).order_by("pk")

    def location(self, item):
        return reverse("portal:page", args=[item.slug])

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"static": StaticSitemap, "offices": OfficeSitemap, "jobs": JobSitemap, "agencies": AgencySitemap,
            "pages": InfoPageSitemap}
