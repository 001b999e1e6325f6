"""Lists of names read in the order people expect: case and accents ignored."""

from __future__ import annotations

from dst_desktop.domain.names import name_key
from dst_desktop.presenters.booking_lists import BookingsBrowserPresenter
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.reference_editor import ReferenceEditorPresenter, ReferenceKind
from dst_desktop.services.workflows import Workflows
from tests.unit.presenters.conftest import create
from tests.unit.presenters.fakes import FakeReferenceView, FakeTableView


def test_name_key_ignores_case_and_accents() -> None:
    assert name_key("Île-de-France") == "ile-de-france"
    assert sorted(["Pays de la Loire", "Île-de-France", "occitanie"], key=name_key) == [
        "Île-de-France",
        "occitanie",
        "Pays de la Loire",
    ]


def accented(workflows: Workflows) -> Catalogue:
    imported = workflows.reference.import_reference(
        {
            "regions": [
                {"id": "pdl", "name": "Pays de la Loire"},
                {"id": "idf", "name": "Île-de-France"},
            ],
            "setups": [
                {"id": "setup_pdl", "name": "Setup PDL", "regionId": "pdl"},
                {"id": "setup_idf", "name": "Setup IDF", "regionId": "idf"},
            ],
            "operators": [
                {"id": "op_pdl", "name": "Op PDL", "regionId": "pdl"},
                {"id": "op_idf", "name": "Op IDF", "regionId": "idf"},
            ],
            "modules": [{"id": "module_ecoute", "name": "Écoute active", "capacityMax": 10}],
            "clients": [
                {"id": "client_eric", "name": "éric Formation"},
                {"id": "client_zoe", "name": "Zoé Conseil"},
            ],
            "offers": [{"id": "offer_ete", "name": "Été découverte"}],
        }
    )
    assert imported.success, imported
    return Catalogue(workflows.queries)


def test_catalogue_choices_sort_accented_names_among_their_letter(workflows: Workflows) -> None:
    catalogue = accented(workflows)

    assert [c.text for c in catalogue.region_choices()] == [
        "Bretagne",
        "Île-de-France",
        "Occitanie",
        "Pays de la Loire",
    ]
    assert [c.text for c in catalogue.client_choices()] == [
        "ACME",
        "ACME Sécurité",
        "éric Formation",
        "Zoé Conseil",
    ]
    assert [c.text for c in catalogue.offer_choices()] == ["Été découverte", "Pack Pro"]
    assert [m.name for m in catalogue.modules()] == [
        "Écoute active",
        "Premiers secours",
        "Scénario tactique",
        "Tir de précision",
    ]


def test_booking_table_sorts_regions_ignoring_accents(workflows: Workflows) -> None:
    catalogue = accented(workflows)
    for region in ("pdl", "idf", "occitanie"):
        create(workflows, regionId=region, moduleIds=["module_secourisme"])
    view = FakeTableView()
    browser = BookingsBrowserPresenter(view, workflows.queries, catalogue, PlainLocalizer(), print)
    browser.load()
    assert view.table is not None
    region_column = view.table.headers.index("Region")

    order = view.table.sort_order(region_column, descending=False)

    assert [view.table.row(i).cells[region_column] for i in order] == [
        "Île-de-France",
        "Occitanie",
        "Pays de la Loire",
    ]


def test_reference_editor_lists_regions_in_name_order(workflows: Workflows) -> None:
    catalogue = accented(workflows)
    view = FakeReferenceView()
    editor = ReferenceEditorPresenter(
        view,
        workflows.reference,
        catalogue,
        PlainLocalizer(),
        today=workflows.queries.today,
        on_changed=lambda: None,
    )
    editor.load()

    assert view.names(ReferenceKind.REGIONS) == [
        "Bretagne",
        "Île-de-France",
        "Occitanie",
        "Pays de la Loire",
    ]
