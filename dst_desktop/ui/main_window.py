"""The main window: the parts of SPEC 4 side by side, menus, shortcuts and status bar."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from dst_desktop import __version__
from dst_desktop.presenters.access import WindowCommand
from dst_desktop.presenters.backups import BackupsPresenter, DatabaseBackups
from dst_desktop.presenters.booking_lists import BookingsBrowserPresenter, PendingQueuePresenter
from dst_desktop.presenters.dialogs import Dialogs
from dst_desktop.presenters.event_mode import EventBanner, ExchangeCommand
from dst_desktop.presenters.l10n import fill
from dst_desktop.presenters.main_window import MainPresenter, MainViews, WindowWorkflows, Work
from dst_desktop.presenters.offline import OfflineBanner, OfflineSupport
from dst_desktop.presenters.printing import BookingPrinting
from dst_desktop.presenters.tasks import TaskRunner
from dst_desktop.ui import settings as keys
from dst_desktop.ui.accessible import describe
from dst_desktop.ui.booking_form import BookingForm
from dst_desktop.ui.booking_tables import BookingsBrowserPanel, PendingQueuePanel
from dst_desktop.ui.calendar_panel import CalendarPanel
from dst_desktop.ui.conflicts_panel import ConflictsPanel
from dst_desktop.ui.dialogs import QtDialogs
from dst_desktop.ui.elided_label import ElidedLabel
from dst_desktop.ui.errors import ErrorReporter
from dst_desktop.ui.event_mode import EventBannerWidget
from dst_desktop.ui.icons import icon
from dst_desktop.ui.l10n import QtLocalizer
from dst_desktop.ui.live import ChangeFollower
from dst_desktop.ui.module_picker import ModulePicker
from dst_desktop.ui.offline import OfflineBannerWidget
from dst_desktop.ui.plain_text import plain_label
from dst_desktop.ui.settings import app_settings, text_setting
from dst_desktop.ui.tasks import QtTaskRunner

if TYPE_CHECKING:
    # Dialogs are imported when first opened: the window starts without them.
    from dst_desktop.ui.audit_window import AuditLogWindow
    from dst_desktop.ui.details_dialog import BookingDetailsDialog
    from dst_desktop.ui.help_dialog import HelpDialog
    from dst_desktop.ui.reference_dialog import ReferenceDataDialog
    from dst_desktop.ui.reports_window import ReportsWindow

#: One of the two bookings lists under the booking form: its panel, its presenter.
BookingsPanel = PendingQueuePanel | BookingsBrowserPanel
BookingsList = PendingQueuePresenter | BookingsBrowserPresenter


#: The size of the window at its first start on a screen large enough for it.
DEFAULT_SIZE = QSize(1440, 900)
#: Unless the user chooses otherwise, the booking panes are this tall at most (px)…
COMFORTABLE_TOP_HEIGHT = 360
#: … as long as the bookings lists keep this many rows.
COMFORTABLE_ROWS = 12
#: The fewest rows a split the user chose leaves the lists when the window gets smaller.
USABLE_ROWS = 8
#: The calendar's pane is this much wider than its least width, when there is room.
CALENDAR_EXTRA_WIDTH = 24


class MainWindow(QMainWindow):
    """Composes the part views with their presenters (the presenters' MainWindowView)."""

    def __init__(
        self,
        workflows: WindowWorkflows,
        demo_reference: Callable[[], dict[str, object]],
        *,
        dialogs: Dialogs | None = None,
        runner: TaskRunner | None = None,
        errors: ErrorReporter | None = None,
        offline_support: OfflineSupport | None = None,
        backups: DatabaseBackups | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.workflows = workflows
        self.errors = errors or ErrorReporter(None)
        self.dialogs: Dialogs = dialogs or QtDialogs(self)
        self.runner: TaskRunner = runner or QtTaskRunner(self, self.errors.report)
        #: Called with a language code when the user picks another language; the
        #: application rebuilds the window in that language. None: applies at next start.
        self.on_language_change: Callable[[str], None] | None = None
        self.details_dialog: BookingDetailsDialog | None = None
        self._enabled_before_offline: set[QAction] = set()
        self.reference_dialog: ReferenceDataDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self.localizer = QtLocalizer()

        self.calendar_panel = CalendarPanel()
        self.module_picker = ModulePicker()
        self.booking_form = BookingForm()
        self.queue_panel = PendingQueuePanel()
        self.browser_panel = BookingsBrowserPanel()
        self.conflicts_panel = ConflictsPanel()
        self._build_layout()

        self.presenter = MainPresenter(
            MainViews(
                main=self,
                calendar=self.calendar_panel,
                modules=self.module_picker,
                form=self.booking_form,
                queue=self.queue_panel,
                browser=self.browser_panel,
                conflicts=self.conflicts_panel,
            ),
            workflows,
            self.dialogs,
            self.runner,
            self.localizer,
            demo_reference,
            offline_support=offline_support,
        )
        today = self.presenter.business_date
        self.browser_panel.filters.set_today(today)
        self.queue_panel.filters.set_today(today)
        self.calendar_panel.calendar.today = today
        self._connect()
        self._build_actions()
        self._add_report_actions()
        self._add_audit_action()
        self._add_changes_after_booking()
        self._add_backup_actions(backups)
        self._build_status_bar()
        self._restore_state()
        # Colleagues' changes are listened for before the window reads the database, so
        # that one committed while it reads arrives afterwards instead of being missed.
        live = self.presenter.live
        self.change_follower = ChangeFollower(
            self.presenter.change_source(), live.changes_arrived, live.paused, live.resumed, self
        )
        self.change_follower.start()
        self.presenter.start(text_setting(keys.LAST_REGION) or None)
        if self.presenter.offline is not None:
            # The offline copy is refreshed in the background when it is due.
            self.offline_timer = QTimer(self)
            self.offline_timer.setInterval(60_000)
            self.offline_timer.timeout.connect(self.presenter.offline.tick)
            self.offline_timer.start()
            QTimer.singleShot(0, self.presenter.offline.start)

    # -- layout --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.setObjectName("topSplitter")
        self.top_splitter.setChildrenCollapsible(False)
        self.top_splitter.addWidget(self.calendar_panel)
        self.top_splitter.addWidget(self.module_picker)
        self.top_splitter.addWidget(self.booking_form)
        # A wider window widens the booking form; a taller one gives the rows to the
        # bookings lists. Until the user moves a splitter, its split follows the window.
        self.top_splitter.setStretchFactor(0, 0)
        self.top_splitter.setStretchFactor(1, 0)
        self.top_splitter.setStretchFactor(2, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("bookingTabs")
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(self.queue_panel, icon("confirm"), self.tr("Pending bookings"))
        self.tabs.addTab(self.browser_panel, icon("browse"), self.tr("All bookings"))
        describe(
            self.tabs.tabBar(),
            self.tr("Bookings lists"),
            self.tr("The pending queue (Ctrl+Shift+B) or every booking (Ctrl+B)."),
        )
        self.tabs.setTabToolTip(0, self.tr("The bookings waiting for confirmation (Ctrl+Shift+B)"))
        self.tabs.setTabToolTip(1, self.tr("Every booking, whatever its status (Ctrl+B)"))

        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.addWidget(self.top_splitter)
        self.main_splitter.addWidget(self.tabs)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        #: Whether the user chose the splits (moved a splitter, or did at an earlier run).
        self.split_chosen = False
        for splitter in (self.top_splitter, self.main_splitter):
            splitter.splitterMoved.connect(self._split_moved)
            splitter.installEventFilter(self)
        container = QWidget()
        container.setObjectName("central")
        layout = QVBoxLayout(container)
        # The margins are the layout's, not the splitter's: a splitter leaves its own
        # margins out of its minimum size, and the window could squeeze the panes.
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        self.event_banner = EventBannerWidget()
        self.offline_banner = OfflineBannerWidget()
        banner_row = QVBoxLayout()
        banner_row.setContentsMargins(0, 0, 0, 0)
        banner_row.addWidget(self.event_banner)
        banner_row.addWidget(self.offline_banner)
        layout.addLayout(banner_row)
        layout.addWidget(self.main_splitter)
        self.setCentralWidget(container)

    def _connect(self) -> None:
        p = self.presenter
        calendar = self.calendar_panel
        calendar.region_chosen.connect(p.calendar.region_chosen)
        calendar.day_selected.connect(p.calendar.day_selected)
        calendar.page_changed.connect(p.calendar.page_changed)
        self.module_picker.module_toggled.connect(p.modules.set_checked)
        form = self.booking_form
        form.client_chosen.connect(p.form.client_chosen)
        form.participants_changed.connect(p.form.participants_changed)
        form.offer_chosen.connect(p.form.offer_chosen)
        form.notes_changed.connect(p.form.notes_changed)
        form.suggestion_chosen.connect(p.form.suggestion_chosen)
        form.create_requested.connect(p.form.create)
        form.new_client_requested.connect(p.new_client)
        form.create_refused.connect(self.show_status_message)
        queue = self.queue_panel
        queue.filter_changed.connect(p.queue.filter_changed)
        queue.selection_changed.connect(p.queue.selection_changed)
        queue.confirm_requested.connect(p.queue.confirm_selected)
        queue.cancel_requested.connect(p.queue.cancel_selected)
        queue.details_requested.connect(p.queue.details_requested)
        queue.print_requested.connect(p.queue.print_summary)
        browser = self.browser_panel
        browser.filter_changed.connect(p.browser.filter_changed)
        browser.selection_changed.connect(p.browser.selection_changed)
        browser.details_requested.connect(p.browser.details_requested)
        browser.print_requested.connect(p.browser.print_summary)
        queue.total_changed.connect(self._update_queue_tab)

    def _update_queue_tab(self, count: int) -> None:
        self.tabs.setTabText(0, fill(self.tr("Pending bookings (%1)"), count))

    # -- menus and shortcuts -------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        icon_name: str | None,
        shortcut: QKeySequence | QKeySequence.StandardKey | str,
        slot: Callable[[], object],
        description: str = "",
    ) -> QAction:
        """A command of the menus: its shortcut shows in the menu and in its tooltip."""
        action = QAction(text, self)
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.setShortcut(QKeySequence(shortcut))
        action.setProperty("description", description)
        self._describe(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _describe(self, action: QAction, why_not: str = "") -> None:
        """The action's tooltip and status tip: what it does, or why it cannot be used
        here, followed by its shortcut."""
        what = why_not or str(action.property("description") or "")
        what = what or action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(fill(self.tr("%1 (%2)"), what, shortcut) if shortcut else what)
        action.setStatusTip(what)

    def _build_actions(self) -> None:
        self._create_actions()
        self._build_menus()
        self._build_toolbar()
        self._print_reason = self.tr("Printing is not installed in this version of DST Desktop.")
        self.queue_panel.actions_changed.connect(self._sync_actions)
        self.browser_panel.actions_changed.connect(self._sync_actions)
        self.tabs.currentChanged.connect(lambda _index: self._sync_actions())
        self.tabs.currentChanged.connect(
            lambda _index: self.presenter.bookings_tab_shown(self._browser_in_front())
        )
        self._sync_actions()

    def _create_actions(self) -> None:
        p = self.presenter
        events = p.event_mode
        action = self._action
        self.new_booking_action = action(
            "newBookingAction",
            self.tr("&New booking"),
            "new-booking",
            QKeySequence.StandardKey.New,
            self._new_booking,
            self.tr("Start a new booking in the form: same place and day, no client yet"),
        )
        self.create_booking_action = action(
            "createBookingAction",
            self.tr("C&reate booking"),
            "new-booking",
            "Ctrl+Shift+Return",
            self.booking_form.press_create,
            self.tr("Create the booking the form describes (Enter in the form does too)"),
        )
        self.new_client_action = action(
            "newClientAction",
            self.tr("New &client…"),
            "new-client",
            "Ctrl+Shift+N",
            self.booking_form.request_new_client,
            self.tr("Add a client who is not in the list yet: name, e-mail and phone"),
        )
        self.import_action = action(
            "importReferenceAction",
            self.tr("&Import reference data…"),
            "import",
            "Ctrl+Shift+I",
            p.import_reference_file,
            self.tr("Add or update regions, setups, operators, modules, clients from a file"),
        )
        self.demo_action = action(
            "demoDataAction",
            self.tr("Load &demo data"),
            "demo",
            "Ctrl+Shift+D",
            p.load_demo,
            self.tr("Fill this empty database with the demo data, to try DST Desktop"),
        )
        #: What each exchange command does, when it is available.
        self.exchange_tooltips = {
            ExchangeCommand.EXPORT_SNAPSHOT: self.tr(
                "Office: write the reference data, clients and coming allocations to a file "
                "for the event laptop."
            ),
            ExchangeCommand.IMPORT_SNAPSHOT: self.tr(
                "Event laptop: make this database an event database from the office's snapshot."
            ),
            ExchangeCommand.EXPORT_BOOKINGS: self.tr(
                "Event laptop: write the bookings taken here to a file for the office."
            ),
            ExchangeCommand.IMPORT_BOOKINGS: self.tr(
                "Office: bring the bookings taken at an event into the pending queue."
            ),
        }
        tips = self.exchange_tooltips
        self.exchange_actions = {
            ExchangeCommand.EXPORT_SNAPSHOT: action(
                "exportSnapshotAction",
                self.tr("E&xport snapshot…"),
                "export",
                "Ctrl+Shift+X",
                events.export_snapshot,
                tips[ExchangeCommand.EXPORT_SNAPSHOT],
            ),
            ExchangeCommand.IMPORT_SNAPSHOT: action(
                "importSnapshotAction",
                self.tr("Import &snapshot…"),
                "event",
                "Ctrl+Shift+O",
                events.import_snapshot,
                tips[ExchangeCommand.IMPORT_SNAPSHOT],
            ),
            ExchangeCommand.EXPORT_BOOKINGS: action(
                "exportEventBookingsAction",
                self.tr("Export &event bookings…"),
                "export",
                "Ctrl+Shift+E",
                events.export_bookings,
                tips[ExchangeCommand.EXPORT_BOOKINGS],
            ),
            ExchangeCommand.IMPORT_BOOKINGS: action(
                "importEventBookingsAction",
                self.tr("Import event &bookings…"),
                "import",
                "Ctrl+Shift+M",
                events.import_bookings,
                tips[ExchangeCommand.IMPORT_BOOKINGS],
            ),
        }
        self.print_summary_action = action(
            "printSummaryAction",
            self.tr("&Print booking summary…"),
            "print",
            QKeySequence.StandardKey.Print,
            self._print_summary,
            self.tr("Preview, print or save as PDF the summary of the selected booking"),
        )
        self.print_day_sheet_action = action(
            "printDaySheetAction",
            self.tr("Print &day sheet…"),
            "print",
            "Ctrl+Shift+P",
            p.print_day_sheet,
            self.tr("Preview, print or save as PDF who goes where on the day chosen"),
        )
        self.settings_action = action(
            "settingsAction",
            self.tr("&Settings…"),
            "settings",
            "Ctrl+,",
            self.open_settings,
            self.tr("Choose the language of DST Desktop"),
        )
        self.quit_action = action("quitAction", self.tr("&Quit"), "quit", "Ctrl+Q", self.close)
        self.confirm_action = action(
            "confirmAction",
            self.tr("&Confirm selected bookings"),
            "confirm",
            "Ctrl+Return",
            p.queue.confirm_selected,
            self.tr("Confirm the bookings selected in the pending queue"),
        )
        self.cancel_action = action(
            "cancelAction",
            self.tr("C&ancel selected bookings…"),
            "cancel",
            QKeySequence.StandardKey.Delete,
            p.queue.cancel_selected,
            self.tr("Cancel the bookings selected in the pending queue, after asking"),
        )
        # Delete works in the pending queue's table, never in a text field or elsewhere.
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.queue_panel.table.addAction(self.cancel_action)
        self.details_action = action(
            "detailsAction",
            self.tr("&Details…"),
            "details",
            "Ctrl+I",
            self._details,
            self.tr("Open the selected booking: its status, history and next steps"),
        )
        self.find_action = action(
            "findAction",
            self.tr("&Find…"),
            "search",
            QKeySequence.StandardKey.Find,
            self._find,
            self.tr("Search the bookings list in front by client, reference or notes"),
        )
        self.pending_action = action(
            "pendingAction",
            self.tr("&Pending bookings"),
            "confirm",
            "Ctrl+Shift+B",
            self._pending,
            self.tr("Show the bookings waiting for confirmation"),
        )
        self.browse_action = action(
            "browseAction",
            self.tr("&All bookings"),
            "browse",
            "Ctrl+B",
            self._browse,
            self.tr("Find any booking, whatever its status"),
        )
        self.refresh_action = action(
            "refreshAction",
            self.tr("&Refresh"),
            "refresh",
            QKeySequence.StandardKey.Refresh,
            p.reference_changed,
            self.tr("Read the calendar and the lists again from the database"),
        )
        self.reference_action = action(
            "referenceDataAction",
            self.tr("&Reference data…"),
            "reference",
            "Ctrl+Shift+R",
            self.open_reference_data,
            self.tr("Regions, setups, operators, modules, clients and offers"),
        )
        self.guide_action = action(
            "userGuideAction",
            self.tr("&User guide"),
            "about",
            QKeySequence.StandardKey.HelpContents,
            lambda: self.open_help(shortcuts=False),
            self.tr("A day's work in DST Desktop, step by step"),
        )
        self.shortcuts_action = action(
            "shortcutsAction",
            self.tr("&Keyboard shortcuts"),
            "about",
            "Ctrl+F1",
            lambda: self.open_help(shortcuts=True),
            self.tr("Every command's shortcut, and the keys of the booking form"),
        )
        self.about_action = action(
            "aboutAction",
            self.tr("&About DST Desktop"),
            "about",
            "Shift+F1",
            self._about,
            self.tr("The version of DST Desktop"),
        )
        self.confirm_action.setIconText(self.tr("Confirm"))
        self.print_summary_action.setIconText(self.tr("Print summary"))
        self.confirm_action.setEnabled(False)
        self.cancel_action.setEnabled(False)
        self.details_action.setEnabled(False)
        # The buttons that do what a command does say so with the command's shortcut.
        for button, command in (
            (self.booking_form.create_button, self.create_booking_action),
            (self.booking_form.new_client_button, self.new_client_action),
            (self.queue_panel.details_button, self.details_action),
            (self.browser_panel.details_button, self.details_action),
            (self.queue_panel.print_button, self.print_summary_action),
            (self.browser_panel.print_button, self.print_summary_action),
            (self.queue_panel.cancel_button, self.cancel_action),
            (self.queue_panel.confirm_button, self.confirm_action),
        ):
            button.setToolTip(command.toolTip())
        for panel in (self.queue_panel, self.browser_panel):
            panel.print_tooltip = self.print_summary_action.toolTip()
        self.queue_panel.confirm_tooltip = self.confirm_action.toolTip()
        self.booking_form.create_tooltip = self.create_booking_action.toolTip()

    def commands(self) -> list[QAction]:
        """Every command of the menus, once, in their order (the help lists them)."""
        found: list[QAction] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if isinstance(menu, QMenu):
                found += [a for a in menu.actions() if not a.isSeparator() and a not in found]
        return found

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()

        def menu(title: str, *groups: Sequence[QAction], name: str = "") -> None:
            added = menu_bar.addMenu(title)
            added.setObjectName(name)
            added.setToolTipsVisible(True)
            for number, group in enumerate(groups):
                if number:
                    added.addSeparator()
                added.addActions(list(group))

        menu(
            self.tr("&File"),
            (self.new_booking_action,),
            (self.import_action, self.demo_action),
            tuple(self.exchange_actions.values()),
            (self.print_summary_action, self.print_day_sheet_action),
            (self.settings_action,),
            (self.quit_action,),
        )
        menu(
            self.tr("&Bookings"),
            (self.create_booking_action, self.new_client_action),
            (self.confirm_action, self.cancel_action, self.details_action),
            (self.find_action, self.pending_action, self.browse_action, self.refresh_action),
        )
        menu(self.tr("&Data"), (self.reference_action, self.import_action), name="dataMenu")
        menu(
            self.tr("&Help"),
            (self.guide_action, self.shortcuts_action),
            (self.about_action,),
        )

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions(
            [
                self.new_booking_action,
                self.confirm_action,
                self.details_action,
                self.print_summary_action,
            ]
        )
        toolbar.addSeparator()
        toolbar.addActions([self.browse_action, self.reference_action])
        self.addToolBar(toolbar)

    def _browser_in_front(self) -> bool:
        """Whether the bookings browser, rather than the pending queue, is the tab shown."""
        return self.tabs.currentWidget() is self.browser_panel

    def _list_in_front(self) -> tuple[BookingsPanel, BookingsList]:
        """The bookings list shown (panel and presenter): the target of Details, Print, Find."""
        if self._browser_in_front():
            return self.browser_panel, self.presenter.browser
        return self.queue_panel, self.presenter.queue

    def _sync_actions(self) -> None:
        """Menu and toolbar actions follow the buttons of the table on show: Confirm and
        Cancel act on the pending queue, only while it is the list in front."""
        queue = self.queue_panel
        queue_in_front = not self._browser_in_front()
        self.confirm_action.setEnabled(queue_in_front and queue.confirm_button.isEnabled())
        self._describe(self.confirm_action, queue.confirm_unavailable)
        self.cancel_action.setEnabled(queue_in_front and queue.cancel_button.isEnabled())
        panel, _presenter = self._list_in_front()
        self.details_action.setEnabled(panel.details_button.isEnabled())
        self.print_summary_action.setEnabled(
            self.presenter.printing_available and panel.print_button.isEnabled()
        )

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.business_date_label = plain_label()
        self.business_date_label.setObjectName("businessDateLabel")
        # The database's description can be long (a file's path, a server's address):
        # it gives way first, whole in its tooltip.
        self.database_label = ElidedLabel()
        self.database_label.setObjectName("databaseLabel")
        self.live_label = plain_label()
        self.live_label.setObjectName("liveStatusLabel")
        self.live_label.hide()
        status.addPermanentWidget(self.live_label)
        self.access_label = plain_label()
        self.access_label.setObjectName("accessLabel")
        status.addPermanentWidget(self.access_label)
        status.addPermanentWidget(self.business_date_label)
        status.addPermanentWidget(self.database_label, 1)

    # -- MainWindowView ------------------------------------------------------------------

    def show_database(self, text: str) -> None:
        self.database_label.setText(fill(self.tr("Database: %1"), text))
        self.setWindowTitle(fill(self.tr("DST Desktop — %1"), text))

    def show_live_status(self, text: str) -> None:
        self.live_label.setText(text)
        self.live_label.setVisible(bool(text))

    def show_access(self, text: str, tooltip: str) -> None:
        self.access_label.setText(text)
        self.access_label.setToolTip(tooltip)

    def set_commands_unavailable(self, unavailable: Mapping[WindowCommand, str]) -> None:
        actions = {
            WindowCommand.REFERENCE_DATA: self.reference_action,
            WindowCommand.IMPORT_REFERENCE: self.import_action,
            WindowCommand.LOAD_DEMO: self.demo_action,
        }
        for command, command_action in actions.items():
            reason = unavailable.get(command, "")
            command_action.setEnabled(not reason)
            self._describe(command_action, reason)

    def show_business_date(self, text: str) -> None:
        self.business_date_label.setText(fill(self.tr("Today: %1"), text))

    def show_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def set_printing_available(self, available: bool) -> None:
        tip = "" if available else self._print_reason
        for action in (self.print_summary_action, self.print_day_sheet_action):
            self._describe(action, tip)
        self.print_day_sheet_action.setEnabled(available)
        self._sync_actions()
        self.queue_panel.set_print_tooltip(tip)
        self.browser_panel.set_print_tooltip(tip)

    def set_demo_data_available(self, reason: str) -> None:
        self.demo_action.setEnabled(not reason)
        self._describe(self.demo_action, reason)

    def show_event_banner(self, banner: EventBanner | None) -> None:
        self.event_banner.show_banner(banner)

    def show_offline_banner(self, banner: OfflineBanner | None) -> None:
        self.offline_banner.show_banner(banner)

    def set_offline_unavailable(self, reason: str) -> None:
        """Offline, what needs the server is disabled and says why; back online, each
        command is as it was (the exchange commands follow the database's mode)."""
        needing_server = [self.import_action, self.demo_action, self.reference_action]
        if reason:
            for command in (*needing_server, *self.exchange_actions.values()):
                if command.isEnabled():
                    self._enabled_before_offline.add(command)
                command.setEnabled(False)
                self._describe(command, reason)
            return
        for command in needing_server:
            if command in self._enabled_before_offline:
                command.setEnabled(True)
                self._describe(command)
        self._enabled_before_offline.clear()

    def set_exchange_commands(self, unavailable: Mapping[ExchangeCommand, str]) -> None:
        for command, exchange_action in self.exchange_actions.items():
            reason = unavailable.get(command, "")
            exchange_action.setEnabled(not reason)
            self._describe(exchange_action, reason)

    def open_details(self, session_id: str) -> None:
        from dst_desktop.ui.details_dialog import BookingDetailsDialog

        dialog = BookingDetailsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        presenter = self.presenter.details_presenter(dialog)
        # Qt holds slots of plain Python objects weakly: the dialog keeps its presenter.
        dialog.presenter = presenter
        dialog.action_requested.connect(presenter.perform)
        dialog.print_requested.connect(presenter.print_summary)
        if not self.presenter.printing_available:
            dialog.set_print_tooltip(self._print_reason)
        presenter.load(session_id)
        dialog.finished.connect(lambda _result: self._forget_details(dialog))
        dialog.destroyed.connect(lambda _object=None: self.presenter.live.forget_details(presenter))
        self.details_dialog = dialog
        dialog.open()

    def _forget_details(self, dialog: BookingDetailsDialog) -> None:
        if self.details_dialog is dialog:
            self.details_dialog = None

    # -- other commands ------------------------------------------------------------------

    def set_printing(self, printing: BookingPrinting | None) -> None:
        """Plug a printing implementation in (or out); print commands follow."""
        self.presenter.set_printing(printing)

    def open_reference_data(self) -> None:
        from dst_desktop.ui.printing import interface_language
        from dst_desktop.ui.reference_dialog import ReferenceDataDialog

        dialog = ReferenceDataDialog(self.presenter.business_date, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        presenter = self.presenter.reference_editor_presenter(dialog)
        dialog.presenter = presenter
        dialog.selected.connect(presenter.select)
        dialog.new_requested.connect(presenter.new)
        dialog.save_requested.connect(presenter.save)
        dialog.remove_requested.connect(presenter.remove)
        dialog.calendar_requested.connect(
            lambda kind, item_id: presenter.export_calendar(kind, item_id, interface_language())
        )
        presenter.load()
        for kind in dialog.kind_tabs:
            presenter.new(kind)
        dialog.finished.connect(lambda _result: setattr(self, "reference_dialog", None))
        self.reference_dialog = dialog
        dialog.open()

    def open_settings(self) -> None:
        current = text_setting(keys.LANGUAGE)
        from dst_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def apply(result: int) -> None:
            chosen = dialog.language()
            if result != SettingsDialog.DialogCode.Accepted or chosen == current:
                return
            app_settings().setValue(keys.LANGUAGE, chosen)
            if self.on_language_change is not None:
                # Rebuilding the window closes this one: leave the dialog's signal first.
                callback = self.on_language_change
                QTimer.singleShot(0, lambda: callback(chosen))
            else:
                self.show_status_message(
                    self.tr("The new language applies the next time DST Desktop starts.")
                )

        dialog.finished.connect(apply)
        dialog.open()

    def _new_booking(self) -> None:
        self.presenter.new_booking()
        self.booking_form.client_combo.setFocus()

    def _print_summary(self) -> None:
        self._list_in_front()[1].print_summary()

    def _details(self) -> None:
        self._list_in_front()[1].details_requested()

    def _find(self) -> None:
        search = self._list_in_front()[0].filters.search_edit
        search.setFocus()
        search.selectAll()

    def resume(self, work: Work) -> None:
        """Take over the work of another window (the same window in another language)."""
        self.tabs.setCurrentWidget(self.browser_panel if work.browser_shown else self.queue_panel)
        self.presenter.resume(work)

    def _pending(self) -> None:
        self.tabs.setCurrentWidget(self.queue_panel)
        self.queue_panel.table.setFocus()

    def _browse(self) -> None:
        self.tabs.setCurrentWidget(self.browser_panel)
        self.browser_panel.filters.search_edit.setFocus()

    def open_help(self, *, shortcuts: bool) -> None:
        """The user guide, or the list of keyboard shortcuts."""
        from dst_desktop.ui.help_dialog import HelpDialog

        if self.help_dialog is None:
            dialog = HelpDialog(self.commands(), self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: setattr(self, "help_dialog", None))
            self.help_dialog = dialog
        if shortcuts:
            self.help_dialog.show_shortcuts()
        else:
            self.help_dialog.show_guide()
        self.help_dialog.show()
        self.help_dialog.activateWindow()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About DST Desktop"),
            fill(
                self.tr(
                    "DST Desktop %1\n\nBooking of on-site DST training sessions: requests, "
                    "confirmation with setup and operator, missions and their follow-up."
                ),
                __version__,
            ),
        )

    # -- remembering the window ----------------------------------------------------------

    def _restore_state(self) -> None:
        settings = app_settings()
        geometry = settings.value(keys.GEOMETRY)
        #: Whether the window still takes its first-start size when first shown.
        self._placed = isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)
        splitters = settings.value(keys.SPLITTERS)
        if isinstance(splitters, list) and len(splitters) == 2:
            for splitter, state in zip(
                (self.top_splitter, self.main_splitter), splitters, strict=True
            ):
                if isinstance(state, QByteArray) and splitter.restoreState(state):
                    self.split_chosen = True

    def showEvent(self, event: QShowEvent) -> None:
        if not self._placed:
            self._placed = True
            if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
                self._default_geometry()
        super().showEvent(event)

    def _default_geometry(self) -> None:
        """The first start: a comfortable size on the window's screen, or the whole screen
        (maximised) when the screen is smaller."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(DEFAULT_SIZE)
            return
        available = screen.availableGeometry()
        size = DEFAULT_SIZE.boundedTo(available.size())
        self.resize(size)
        self.move(available.center() - self.rect().center())
        if size.width() >= available.width() or size.height() >= available.height():
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_state(self) -> None:
        settings = app_settings()
        settings.setValue(keys.GEOMETRY, self.saveGeometry())
        if self.split_chosen:
            settings.setValue(
                keys.SPLITTERS, [self.top_splitter.saveState(), self.main_splitter.saveState()]
            )
        else:  # the default split follows the screen of the next run
            settings.remove(keys.SPLITTERS)
        settings.setValue(keys.LAST_REGION, self.presenter.calendar.region_id or "")

    # -- the default split ---------------------------------------------------------------

    def _split_moved(self, _position: int, _index: int) -> None:
        self.split_chosen = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if not self.split_chosen:
                if watched is self.main_splitter:
                    self._fit_main_split()
                elif watched is self.top_splitter:
                    self._fit_top_split()
            elif watched is self.main_splitter:
                self._keep_lists_usable()
        return super().eventFilter(watched, event)

    def _keep_lists_usable(self) -> None:
        """A split chosen on a taller window (another screen, or maximised) scales with the
        window and could leave the bookings lists a few rows: they keep at least
        ``USABLE_ROWS`` while the booking panes can give way."""
        splitter = self.main_splitter
        total = splitter.height() - splitter.handleWidth()
        lists_least = (
            self.queue_panel.height_for_rows(USABLE_ROWS) + self.tabs.tabBar().sizeHint().height()
        )
        top = splitter.sizes()[0]
        fitted = max(self.top_splitter.minimumSizeHint().height(), total - lists_least)
        if top > fitted:
            splitter.setSizes([fitted, max(0, total - fitted)])

    def _fit_main_split(self) -> None:
        """The booking panes as low as they can be on a small screen, comfortable on a
        large one; the bookings lists take the rest of the height."""
        splitter = self.main_splitter
        total = splitter.height() - splitter.handleWidth()
        least = self.top_splitter.minimumSizeHint().height()
        lists_wanted = (
            self.queue_panel.height_for_rows(COMFORTABLE_ROWS)
            + self.tabs.tabBar().sizeHint().height()
        )
        top = max(least, min(COMFORTABLE_TOP_HEIGHT, total - lists_wanted))
        if splitter.sizes()[0] != top:
            splitter.setSizes([top, max(0, total - top)])

    def _fit_top_split(self) -> None:
        """The calendar at its width, the modules wide enough for their names, the booking
        form the rest (the modules give way first when the window is narrow)."""
        splitter = self.top_splitter
        total = splitter.width() - 2 * splitter.handleWidth()
        calendar = self.calendar_panel.minimumSizeHint().width() + CALENDAR_EXTRA_WIDTH
        form_least = self.booking_form.minimumSizeHint().width()
        modules_least = self.module_picker.minimumSizeHint().width()
        modules = max(
            modules_least,
            min(self.module_picker.comfortable_width(), total - calendar - form_least),
        )
        calendar = max(
            self.calendar_panel.minimumSizeHint().width(),
            min(calendar, total - modules - form_least),
        )
        sizes = [calendar, modules, max(form_least, total - calendar - modules)]
        if splitter.sizes() != sizes:
            splitter.setSizes(sizes)

    def closeEvent(self, event: QCloseEvent) -> None:
        if isinstance(self.runner, QtTaskRunner) and self.runner.busy:
            self.show_status_message(
                self.tr("Please wait: DST Desktop closes when the current work is done.")
            )
            event.ignore()
            return
        self.change_follower.stop()
        self.save_state()
        event.accept()

    # -- changes after booking (SPEC 12) -------------------------------------------------

    def _add_changes_after_booking(self) -> None:
        """Edit… in the pending queue and the Bookings menu; the Conflicts tab with its
        warning badge."""
        p = self.presenter
        self.queue_panel.edit_requested.connect(p.queue.edit_selected)
        self.edit_action = self._action(
            "editBookingAction",
            self.tr("&Edit request…"),
            "edit",
            "Ctrl+E",
            p.queue.edit_selected,
            self.tr("Correct the selected request: date, modules, participants, client, offer"),
        )
        self.edit_action.setEnabled(False)
        self.queue_panel.edit_button.setToolTip(self.edit_action.toolTip())
        self.queue_panel.actions_changed.connect(
            lambda: self.edit_action.setEnabled(self.queue_panel.edit_button.isEnabled())
        )
        bookings_menu = self.menuBar().actions()[1].menu()  # &Bookings
        if isinstance(bookings_menu, QMenu):
            bookings_menu.insertAction(self.cancel_action, self.edit_action)
        self.conflicts_tab = self.tabs.addTab(self.conflicts_panel, self.tr("Conflicts"))
        conflicts = self.conflicts_panel
        conflicts.selection_changed.connect(p.conflicts.selection_changed)
        conflicts.details_requested.connect(p.conflicts.details_requested)
        conflicts.reallocate_requested.connect(p.conflicts.reallocate_selected)
        conflicts.reallocate_all_requested.connect(p.conflicts.reallocate_all)
        conflicts.badge_changed.connect(self._show_conflicts_badge)

    def _show_conflicts_badge(self, count: int) -> None:
        if count:
            self.tabs.setTabText(self.conflicts_tab, fill(self.tr("Conflicts (%1)"), count))
            self.tabs.setTabIcon(self.conflicts_tab, icon("warning"))
            self.tabs.setTabToolTip(
                self.conflicts_tab,
                self.tr("Confirmed sessions on a setup or operator that cannot serve them"),
            )
        else:
            self.tabs.setTabText(self.conflicts_tab, self.tr("Conflicts"))
            self.tabs.setTabIcon(self.conflicts_tab, QIcon())
            self.tabs.setTabToolTip(self.conflicts_tab, self.tr("No conflict"))

    # -- reports and exports (SPEC 13) ---------------------------------------------------

    def _add_report_actions(self) -> None:
        """Copy and export on the booking tables; a Reports menu."""
        from dst_desktop.ui.table_export import adopt_table_export

        self.queue_export = adopt_table_export(
            self.queue_panel.table, self.tr("Pending bookings"), "pending-bookings"
        )
        self.browser_export = adopt_table_export(
            self.browser_panel.table, self.tr("All bookings"), "bookings"
        )
        for exporter in (
            self.queue_export,
            self.browser_export,
            self.conflicts_panel.table_export,
        ):
            exporter.exported.connect(self.show_status_message)
        self.reports_window: ReportsWindow | None = None
        self.reports_action = self._action(
            "reportsAction",
            self.tr("&Utilisation report…"),
            "browse",
            "Ctrl+Shift+U",
            self.open_reports,
            self.tr("Utilisation of regions, setups and operators over a period"),
        )
        self.export_table_action = self._action(
            "exportTableAction",
            self.tr("&Export table…"),
            "export",
            "Ctrl+Shift+T",
            self.export_current_table,
            self.tr("Save the bookings table on show, as filtered and sorted, to XLSX or CSV"),
        )
        # Reports goes before Help (the last menu), where people look for it.
        help_menu = self.menuBar().actions()[-1]
        menu = QMenu(self.tr("&Reports"), self)
        menu.setObjectName("reportsMenu")
        menu.setToolTipsVisible(True)
        menu.addAction(self.reports_action)
        menu.addAction(self.export_table_action)
        self.menuBar().insertMenu(help_menu, menu)

    def export_current_table(self) -> None:
        exporter = (
            self.browser_export
            if self.tabs.currentWidget() is self.browser_panel
            else self.queue_export
        )
        exporter.export_with_dialog()  # the status bar says where the table went

    # -- the audit log (SPEC 10) ---------------------------------------------------------

    def _add_audit_action(self) -> None:
        self.audit_window: AuditLogWindow | None = None
        self.audit_action = self._action(
            "auditLogAction",
            self.tr("Audit &log…"),
            "details",
            "Ctrl+Shift+L",
            self.open_audit_log,
            self.tr("Who did what, when, on which booking"),
        )
        data_menu = self.menuBar().findChild(QMenu, "dataMenu")
        if isinstance(data_menu, QMenu):
            data_menu.addSeparator()
            data_menu.addAction(self.audit_action)

    def open_audit_log(self) -> None:
        """Open the Audit log window (or bring it to the front)."""
        if self.audit_window is not None:
            self.audit_window.show()
            self.audit_window.raise_()
            self.audit_window.activateWindow()
            return
        from dst_desktop.ui.audit_window import AuditLogWindow

        window = AuditLogWindow(self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        presenter = self.presenter.audit_log_presenter(window)
        window.presenter = presenter
        presenter.load()
        window.finished.connect(lambda _result: setattr(self, "audit_window", None))
        self.audit_window = window
        window.show()

    def open_reports(self) -> None:
        """Open the Reports window (or bring it to the front)."""
        if self.reports_window is not None:
            self.reports_window.show()
            self.reports_window.raise_()
            self.reports_window.activateWindow()
            return
        from dst_desktop.presenters.print_documents import local_now
        from dst_desktop.presenters.reports_window import ReportsPresenter
        from dst_desktop.ui.printing import interface_language
        from dst_desktop.ui.reports_window import ReportsWindow

        window = ReportsWindow(self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        catalogue = self.presenter.catalogue
        presenter = ReportsPresenter(
            window,
            self.workflows.reports,
            lambda: {region.id: region.name for region in catalogue.snapshot.regions},
            self.localizer,
            interface_language(),
            local_now,
        )
        window.presenter = presenter
        presenter.load()
        window.finished.connect(lambda _result: setattr(self, "reports_window", None))
        self.reports_window = window
        window.show()

    def _add_backup_actions(self, backups: DatabaseBackups | None) -> None:
        """File ▸ Restore a backup…, before Settings; the daily backup's presenter."""
        self.backups = BackupsPresenter(
            backups,
            self.workflows,
            self.dialogs,
            self.runner,
            self.localizer,
            self,
            on_restored=self.presenter.reference_changed,
        )
        self.restore_backup_action = self._action(
            "restoreBackupAction",
            self.tr("&Restore a backup…"),
            "import",
            "Ctrl+Shift+K",
            self.backups.restore,
            self.tr("Bring the database back to one of its daily backups, or to a backup file."),
        )
        unavailable = self.backups.restore_unavailable()
        self.restore_backup_action.setEnabled(not unavailable)
        self._describe(self.restore_backup_action, unavailable)
        file_menu = self.settings_action.associatedObjects()[0]
        if isinstance(file_menu, QMenu):
            file_menu.insertAction(self.settings_action, self.restore_backup_action)
            file_menu.insertSeparator(self.settings_action)
