<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlertKind</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="213"/>
        <source>Long wait</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="214"/>
        <source>Long pause</source>
        <translation>Long pause</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="215"/>
        <source>No open window</source>
        <translation>No open window</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="216"/>
        <source>Crowded</source>
        <translation>Crowded</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="223"/>
        <source>longest wait {value} min (limit {limit} min)</source>
        <translation>longest wait {value} min (limit {limit} min)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="226"/>
        <source>paused for {value} min (limit {limit} min)</source>
        <translation>paused for {value} min (limit {limit} min)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="229"/>
        <source>{value} waiting, no open window serves this service</source>
        <translation>{value} waiting, no open window serves this service</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="232"/>
        <source>{value} waiting (limit {limit})</source>
        <translation>{value} waiting (limit {limit})</translation>
    </message>
</context>
<context>
    <name>AlertTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="256"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="256"/>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="256"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>CallerPanel</name>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="104"/>
        <source>Call next</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="105"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="106"/>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="107"/>
        <source>Start service</source>
        <translation>Start service</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="108"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="109"/>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="110"/>
        <source>Park…</source>
        <translation>Park…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="111"/>
        <location filename="../../ui/clerk/caller_panel.py" line="289"/>
        <source>Pause…</source>
        <translation>Pause…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="140"/>
        <source>Today&apos;s tickets at this window</source>
        <translation>Today&apos;s tickets at this window</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="168"/>
        <source>The queue cannot be read. Please check the network.</source>
        <translation>The queue cannot be read. Please check the network.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="263"/>
        <source>The operation failed. Please try again.</source>
        <translation>The operation failed. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="293"/>
        <source>Open window</source>
        <translation>Open window</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="294"/>
        <source>Resume service</source>
        <translation>Resume service</translation>
    </message>
</context>
<context>
    <name>ClerkFlow</name>
    <message>
        <location filename="../../ui/flow.py" line="82"/>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="83"/>
        <location filename="../../ui/flow.py" line="109"/>
        <source>OneWindow</source>
        <translation>OneWindow</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="103"/>
        <source>The database holds no service hall to work in. Start the app with --seed-demo for the demo hall, or ask the administrator.</source>
        <translation>The database holds no service hall to work in. Start the app with --seed-demo for the demo hall, or ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="108"/>
        <source>The database cannot be opened. Please ask the administrator.</source>
        <translation>The database cannot be opened. Please ask the administrator.</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="40"/>
        <source>OneWindow — {hall}</source>
        <translation>OneWindow — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="41"/>
        <source>Signed in as {name} at window {window}</source>
        <translation>Signed in as {name} at window {window}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="49"/>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="50"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="53"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>ConfigMessage</name>
    <message>
        <location filename="../../ui/config_message.py" line="16"/>
        <source>OneWindow cannot start: the configuration file %1 has problems. Please ask the administrator to correct it; the details below list each one.</source>
        <translation>OneWindow cannot start: the configuration file %1 has problems. Please ask the administrator to correct it; the details below list each one.</translation>
    </message>
    <message>
        <location filename="../../ui/config_message.py" line="22"/>
        <source>OneWindow</source>
        <translation>OneWindow</translation>
    </message>
</context>
<context>
    <name>CurrentTicketView</name>
    <message>
        <location filename="../../ui/clerk/current_ticket.py" line="34"/>
        <source>Current ticket</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/current_ticket.py" line="47"/>
        <location filename="../../ui/clerk/current_ticket.py" line="49"/>
        <source>No current ticket</source>
        <translation>No current ticket</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/clerk/current_ticket.py" line="61"/>
        <source>recalled %n time(s)</source>
        <translation>
            <numerusform>recalled %n time</numerusform>
            <numerusform>recalled %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../ui/display/display.py" line="112"/>
        <source>Offline: reconnecting to the queue…</source>
        <translation>Offline: reconnecting to the queue…</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="118"/>
        <source>Now calling</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="128"/>
        <source>Last calls</source>
        <translation>Last calls</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="129"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="209"/>
        <source>Please go to {window}</source>
        <translation>Please go to {window}</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="14"/>
        <source>We are sorry: no more tickets can be issued for this service today. Please come again tomorrow, or book an appointment online.</source>
        <translation>We are sorry: no more tickets can be issued for this service today. Please come again tomorrow, or book an appointment online.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="19"/>
        <source>We are sorry: this service is fully booked for today. Please come again tomorrow, or book an appointment online.</source>
        <translation>We are sorry: this service is fully booked for today. Please come again tomorrow, or book an appointment online.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="24"/>
        <source>We are sorry: the hall is closed now. Please see the opening hours.</source>
        <translation>We are sorry: the hall is closed now. Please see the opening hours.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="27"/>
        <source>We are sorry: this service is not offered at the moment.</source>
        <translation>We are sorry: this service is not offered at the moment.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="30"/>
        <source>We could not find this booking. Please check the code, or ask the staff for help.</source>
        <translation>We could not find this booking. Please check the code, or ask the staff for help.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="34"/>
        <source>This booking is for another day. Please come on the day of your booking.</source>
        <translation>This booking is for another day. Please come on the day of your booking.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="37"/>
        <source>This booking has already been checked in. Please keep your ticket.</source>
        <translation>This booking has already been checked in. Please keep your ticket.</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="119"/>
        <source>Please choose a service</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="122"/>
        <source>Priority service: elderly, disabled, pregnant, service members</source>
        <translation>Priority service: elderly, disabled, pregnant, service members</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="125"/>
        <source>Appointment check-in</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="142"/>
        <source>Scan the barcode of your booking, or type its code and press OK</source>
        <translation>Scan the barcode of your booking, or type its code and press OK</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="159"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="161"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="179"/>
        <source>Print again</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="181"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="193"/>
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="261"/>
        <source>Tickets cannot be issued at the moment. Please ask the staff for help.</source>
        <translation>Tickets cannot be issued at the moment. Please ask the staff for help.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/kiosk.py" line="298"/>
        <source>%n person(s) ahead of you</source>
        <translation>
            <numerusform>%n person ahead of you</numerusform>
            <numerusform>%n people ahead of you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/kiosk.py" line="299"/>
        <source>Estimated wait: about %n minute(s)</source>
        <translation>
            <numerusform>Estimated wait: about %n minute</numerusform>
            <numerusform>Estimated wait: about %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="312"/>
        <source>Sorry, no ticket could be issued. Please ask the staff for help.</source>
        <translation>Sorry, no ticket could be issued. Please ask the staff for help.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="329"/>
        <source>Printing your ticket…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="338"/>
        <source>Please take your ticket below.</source>
        <translation>Please take your ticket below.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="351"/>
        <source>The ticket could not be printed ({reason}). Your number is valid: please remember it, or press Print again.</source>
        <translation>The ticket could not be printed ({reason}). Your number is valid: please remember it, or press Print again.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="60"/>
        <source>OneWindow — Sign in</source>
        <translation>OneWindow — Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="73"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="81"/>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="82"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="83"/>
        <source>&amp;Window number:</source>
        <translation>&amp;Window number:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="93"/>
        <source>Please enter your username.</source>
        <translation>Please enter your username.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="99"/>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="135"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>The database cannot be reached. Please try again.</translation>
    </message>
</context>
<context>
    <name>LoginFailure</name>
    <message>
        <location filename="../../ui/i18n.py" line="137"/>
        <source>Too many failed attempts: this account is locked until %1. A supervisor or administrator can unlock it sooner.</source>
        <translation>Too many failed attempts: this account is locked until %1. A supervisor or administrator can unlock it sooner.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="143"/>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="146"/>
        <source>This account is disabled. Please contact the administrator.</source>
        <translation>This account is disabled. Please contact the administrator.</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="12"/>
        <source>Nobody is waiting for this window&apos;s services.</source>
        <translation>Nobody is waiting for this window&apos;s services.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="15"/>
        <source>Called {number}.</source>
        <translation>Called {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="20"/>
        <source>{number} was recalled too often and is now a no-show.</source>
        <translation>{number} was recalled too often and is now a no-show.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="24"/>
        <source>Recalled {number}.</source>
        <translation>Recalled {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="29"/>
        <source>{number} did not come: marked as a no-show.</source>
        <translation>{number} did not come: marked as a no-show.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="34"/>
        <source>Serving {number}.</source>
        <translation>Serving {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="38"/>
        <source>{number} is done.</source>
        <translation>{number} is done.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="42"/>
        <source>{number} transferred to {target}.</source>
        <translation>{number} transferred to {target}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="48"/>
        <source>{number} parked; it can be called again in {minutes} min.</source>
        <translation>{number} parked; it can be called again in {minutes} min.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="55"/>
        <source>Service paused: {reason}.</source>
        <translation>Service paused: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="59"/>
        <source>Service resumed.</source>
        <translation>Service resumed.</translation>
    </message>
</context>
<context>
    <name>PageListModel</name>
    <message>
        <location filename="../../ui/scans/page_model.py" line="82"/>
        <source>Not assigned</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_model.py" line="108"/>
        <source>{width} × {height} pixels, {dpi} dpi, {size} KB</source>
        <translation>{width} × {height} pixels, {dpi} dpi, {size} KB</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_model.py" line="212"/>
        <source>{number}. {material}</source>
        <translation>{number}. {material}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_model.py" line="216"/>
        <source>Looks blank: confirm</source>
        <translation>Looks blank: confirm</translation>
    </message>
</context>
<context>
    <name>ParkDialog</name>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="117"/>
        <source>Park ticket</source>
        <translation>Park ticket</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="121"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="123"/>
        <source>Back in &amp;minutes:</source>
        <translation>Back in &amp;minutes:</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="132"/>
        <source>Pause service</source>
        <translation>Pause service</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="135"/>
        <source>Reason for pausing service:</source>
        <translation>Reason for pausing service:</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="143"/>
        <source>Describe the reason</source>
        <translation>Describe the reason</translation>
    </message>
</context>
<context>
    <name>PauseReason</name>
    <message>
        <location filename="../../ui/i18n.py" line="183"/>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="184"/>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="185"/>
        <source>System fault</source>
        <translation>System fault</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="186"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/printing/preview.py" line="33"/>
        <source>Print preview: %1</source>
        <translation>Print preview: %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="48"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="49"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="50"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="52"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="90"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>RecentCallsModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="128"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="128"/>
        <source>Window</source>
        <translation>Window</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../ui/i18n.py" line="81"/>
        <source>This service does not exist.</source>
        <translation>This service does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="84"/>
        <source>This service is not offered now.</source>
        <translation>This service is not offered now.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="87"/>
        <source>There is no window with this number.</source>
        <translation>There is no window with this number.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="90"/>
        <source>There is no ticket with this number today.</source>
        <translation>There is no ticket with this number today.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="93"/>
        <source>The window is closed.</source>
        <translation>The window is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="94"/>
        <source>Service is paused at this window.</source>
        <translation>Service is paused at this window.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="97"/>
        <source>The window already has a ticket: finish, skip or park it first.</source>
        <translation>The window already has a ticket: finish, skip or park it first.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="100"/>
        <source>The window has no current ticket.</source>
        <translation>The window has no current ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="103"/>
        <source>The ticket&apos;s state does not allow this.</source>
        <translation>The ticket&apos;s state does not allow this.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="106"/>
        <source>The hall is closed now.</source>
        <translation>The hall is closed now.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="107"/>
        <source>No more tickets today: past the cut-off time.</source>
        <translation>No more tickets today: past the cut-off time.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="110"/>
        <source>No more tickets today: the daily limit is reached.</source>
        <translation>No more tickets today: the daily limit is reached.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="113"/>
        <source>This window does not serve that service.</source>
        <translation>This window does not serve that service.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="116"/>
        <source>The no-show grace period has passed.</source>
        <translation>The no-show grace period has passed.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="119"/>
        <source>The request is not valid.</source>
        <translation>The request is not valid.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="122"/>
        <source>No appointment has this code. Please check the code or ask at the desk.</source>
        <translation>No appointment has this code. Please check the code or ask at the desk.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="125"/>
        <source>This appointment is for another day.</source>
        <translation>This appointment is for another day.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="128"/>
        <source>This appointment has already been checked in.</source>
        <translation>This appointment has already been checked in.</translation>
    </message>
</context>
<context>
    <name>ScanMessages</name>
    <message>
        <location filename="../../ui/scans/messages.py" line="17"/>
        <source>a JPEG picture</source>
        <translation>a JPEG picture</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="18"/>
        <source>a PNG picture</source>
        <translation>a PNG picture</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="19"/>
        <source>a TIFF picture</source>
        <translation>a TIFF picture</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="20"/>
        <source>a BMP picture</source>
        <translation>a BMP picture</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="21"/>
        <source>a PDF document</source>
        <translation>a PDF document</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="22"/>
        <source>a GIF animation</source>
        <translation>a GIF animation</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="23"/>
        <source>a WebP picture</source>
        <translation>a WebP picture</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="24"/>
        <source>a HEIC/HEIF phone photo</source>
        <translation>a HEIC/HEIF phone photo</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="25"/>
        <source>a video</source>
        <translation>a video</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="26"/>
        <source>a Windows executable program</source>
        <translation>a Windows executable program</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="29"/>
        <source>a Linux executable program</source>
        <translation>a Linux executable program</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="32"/>
        <source>a macOS executable program</source>
        <translation>a macOS executable program</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="35"/>
        <source>a script</source>
        <translation>a script</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="36"/>
        <source>a ZIP archive (or an Office or OFD document)</source>
        <translation>a ZIP archive (or an Office or OFD document)</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="39"/>
        <source>a RAR archive</source>
        <translation>a RAR archive</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="40"/>
        <source>a 7-Zip archive</source>
        <translation>a 7-Zip archive</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="41"/>
        <source>a gzip archive</source>
        <translation>a gzip archive</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="42"/>
        <source>an old Office document (.doc, .xls)</source>
        <translation>an old Office document (.doc, .xls)</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="45"/>
        <source>an RTF document</source>
        <translation>an RTF document</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="46"/>
        <source>a PostScript file</source>
        <translation>a PostScript file</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="47"/>
        <source>a web page</source>
        <translation>a web page</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="48"/>
        <source>an XML or SVG file</source>
        <translation>an XML or SVG file</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="49"/>
        <source>an empty file</source>
        <translation>an empty file</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="50"/>
        <source>of an unknown type</source>
        <translation>of an unknown type</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="67"/>
        <source>The file could not be read.</source>
        <translation>The file could not be read.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="70"/>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="71"/>
        <source>The file is too large: {size} MB, at most {limit} MB.</source>
        <translation>The file is too large: {size} MB, at most {limit} MB.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="74"/>
        <source>This file is {kind}, not a scan: only JPEG, PNG, TIFF, BMP and PDF are taken.</source>
        <translation>This file is {kind}, not a scan: only JPEG, PNG, TIFF, BMP and PDF are taken.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="78"/>
        <source>The file has {pages} pages, at most {limit} are taken at once.</source>
        <translation>The file has {pages} pages, at most {limit} are taken at once.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="82"/>
        <source>The PDF is protected by a password: ask for an unprotected copy.</source>
        <translation>The PDF is protected by a password: ask for an unprotected copy.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="85"/>
        <source>The file is damaged or incomplete and cannot be opened.</source>
        <translation>The file is damaged or incomplete and cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="88"/>
        <source>The resolution is {dpi} dpi; at least {limit} dpi is needed. Scan it again.</source>
        <translation>The resolution is {dpi} dpi; at least {limit} dpi is needed. Scan it again.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="99"/>
        <source>The picture declares more than the {limit} million pixels allowed (a damaged or malicious file).</source>
        <translation>The picture declares more than the {limit} million pixels allowed (a damaged or malicious file).</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="104"/>
        <source>The picture declares {width} × {height} pixels, more than the {limit} million allowed (a damaged or malicious file).</source>
        <translation>The picture declares {width} × {height} pixels, more than the {limit} million allowed (a damaged or malicious file).</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="115"/>
        <source>{file}, page {page}: {reason}</source>
        <translation>{file}, page {page}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="118"/>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="125"/>
        <source>Scanning is not installed on this PC (SANE&apos;s scanimage is missing).</source>
        <translation>Scanning is not installed on this PC (SANE&apos;s scanimage is missing).</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="128"/>
        <source>The scanner was not found. Is it switched on and connected?</source>
        <translation>The scanner was not found. Is it switched on and connected?</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="131"/>
        <source>The scanner is busy with another program.</source>
        <translation>The scanner is busy with another program.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="134"/>
        <source>The document feeder is empty.</source>
        <translation>The document feeder is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="137"/>
        <source>Paper jam: clear the feeder and scan the rest again.</source>
        <translation>Paper jam: clear the feeder and scan the rest again.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="140"/>
        <source>The scanner cover is open.</source>
        <translation>The scanner cover is open.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="143"/>
        <source>The scanner reported an error.</source>
        <translation>The scanner reported an error.</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../ui/scans/panel.py" line="100"/>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="103"/>
        <source>Import files…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="105"/>
        <source>Watch scan folder</source>
        <translation>Watch scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="109"/>
        <source>Take from camera</source>
        <translation>Take from camera</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="112"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="147"/>
        <source>Assign to material</source>
        <translation>Assign to material</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="149"/>
        <source>Move earlier</source>
        <translation>Move earlier</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="151"/>
        <source>Move later</source>
        <translation>Move later</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="153"/>
        <source>Not blank: keep</source>
        <translation>Not blank: keep</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="155"/>
        <source>Remove page</source>
        <translation>Remove page</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="172"/>
        <source>Refused files</source>
        <translation>Refused files</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="200"/>
        <source>Not assigned</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="225"/>
        <source>The camera could not take a picture; try again.</source>
        <translation>The camera could not take a picture; try again.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="245"/>
        <source>Import scanned pages</source>
        <translation>Import scanned pages</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="247"/>
        <source>Scans (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
        <translation>Scans (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="292"/>
        <source>Stopped: %n page(s) taken before cancelling.</source>
        <translation>
            <numerusform>Stopped: %n page taken before cancelling.</numerusform>
            <numerusform>Stopped: %n pages taken before cancelling.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="295"/>
        <source>%n page(s) taken</source>
        <translation>
            <numerusform>%n page taken</numerusform>
            <numerusform>%n pages taken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="296"/>
        <source>, %n file(s) refused</source>
        <translation>
            <numerusform>, %n file refused</numerusform>
            <numerusform>, %n files refused</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="308"/>
        <source>Scanning failed unexpectedly; see the log.</source>
        <translation>Scanning failed unexpectedly; see the log.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="356"/>
        <source>%n page(s) look blank: keep or remove them.</source>
        <translation>
            <numerusform>%n page looks blank: keep or remove it.</numerusform>
            <numerusform>%n pages look blank: keep or remove them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreenFlow</name>
    <message>
        <location filename="../../ui/screens.py" line="75"/>
        <source>This screen signs in with a device account: set [device] user and password in the config file.</source>
        <translation>This screen signs in with a device account: set [device] user and password in the config file.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="81"/>
        <source>No ticket printer is configured for this kiosk.</source>
        <translation>No ticket printer is configured for this kiosk.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="110"/>
        <location filename="../../ui/screens.py" line="119"/>
        <source>OneWindow</source>
        <translation>OneWindow</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="116"/>
        <source>The screen cannot start: {error}</source>
        <translation>The screen cannot start: {error}</translation>
    </message>
</context>
<context>
    <name>ServiceTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="180"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="181"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="182"/>
        <source>Longest wait</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="183"/>
        <source>Avg wait today</source>
        <translation>Avg wait today</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="184"/>
        <source>Estimated wait</source>
        <translation>Estimated wait</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="185"/>
        <source>Open windows</source>
        <translation>Open windows</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="201"/>
        <source>no open window</source>
        <translation>no open window</translation>
    </message>
</context>
<context>
    <name>Supervisor</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="38"/>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
</context>
<context>
    <name>SupervisorDashboard</name>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="104"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="105"/>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="106"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="129"/>
        <source>Open window</source>
        <translation>Open window</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="130"/>
        <source>Close window</source>
        <translation>Close window</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="131"/>
        <source>Services…</source>
        <translation>Services…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="140"/>
        <source>Ticket number, e.g. A012</source>
        <translation>Ticket number, e.g. A012</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="142"/>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="143"/>
        <source>Cancel ticket</source>
        <translation>Cancel ticket</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="144"/>
        <source>Prioritise</source>
        <translation>Prioritise</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="147"/>
        <source>{number} cancelled.</source>
        <translation>{number} cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="151"/>
        <source>{number} moved to the priority class.</source>
        <translation>{number} moved to the priority class.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="155"/>
        <source>Ticket:</source>
        <translation>Ticket:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="161"/>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="164"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="167"/>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="175"/>
        <source>Blue: today. Grey: the same weekday last week.</source>
        <translation>Blue: today. Grey: the same weekday last week.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="177"/>
        <source>Arrivals per hour</source>
        <translation>Arrivals per hour</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="179"/>
        <source>Average wait per hour of arrival (minutes)</source>
        <translation>Average wait per hour of arrival (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="192"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="193"/>
        <source>Export XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="197"/>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="198"/>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="243"/>
        <source>The queue cannot be read. Please check the network.</source>
        <translation>The queue cannot be read. Please check the network.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="279"/>
        <location filename="../../ui/supervisor/dashboard.py" line="286"/>
        <source>Select a window first.</source>
        <translation>Select a window first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="281"/>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="301"/>
        <source>The window&apos;s services are changed.</source>
        <translation>The window&apos;s services are changed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="307"/>
        <source>Enter a ticket number first.</source>
        <translation>Enter a ticket number first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="334"/>
        <source>{number} transferred.</source>
        <translation>{number} transferred.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="342"/>
        <source>The operation failed. Please try again.</source>
        <translation>The operation failed. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="351"/>
        <source>Export statistics</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="354"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="355"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="373"/>
        <source>Statistics saved to {path}.</source>
        <translation>Statistics saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="384"/>
        <source>The statistics could not be saved: {error}</source>
        <translation>The statistics could not be saved: {error}</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="38"/>
        <source>OneWindow supervisor — {hall}</source>
        <translation>OneWindow supervisor — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="40"/>
        <source>Signed in as {name}</source>
        <translation>Signed in as {name}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="42"/>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="43"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="46"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>TicketState</name>
    <message>
        <location filename="../../ui/i18n.py" line="159"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="160"/>
        <source>Called</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="161"/>
        <source>Serving</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="162"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="163"/>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="164"/>
        <source>Parked</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="165"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="154"/>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="62"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="63"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="64"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="65"/>
        <source>Called at</source>
        <translation>Called at</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="66"/>
        <source>Recalls</source>
        <translation>Recalls</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="63"/>
        <source>Transfer ticket</source>
        <translation>Transfer ticket</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="64"/>
        <source>To the queue of a &amp;service</source>
        <translation>To the queue of a &amp;service</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="65"/>
        <source>To a &amp;window</source>
        <translation>To a &amp;window</translation>
    </message>
</context>
<context>
    <name>WaitingCount</name>
    <message numerus="yes">
        <location filename="../../ui/clerk/summary.py" line="37"/>
        <source>%n people waiting</source>
        <translation>
            <numerusform>%n person waiting</numerusform>
            <numerusform>%n people waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/clerk/summary.py" line="39"/>
        <source>{prefix} {service}: {count} waiting</source>
        <translation>{prefix} {service}: {count} waiting</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="157"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="157"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>WindowBoardModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="87"/>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="87"/>
        <source>Now serving</source>
        <translation>Now serving</translation>
    </message>
</context>
<context>
    <name>WindowHeader</name>
    <message>
        <location filename="../../ui/clerk/summary.py" line="23"/>
        <source>Paused: {reason}</source>
        <translation>Paused: {reason}</translation>
    </message>
</context>
<context>
    <name>WindowServicesDialog</name>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="26"/>
        <source>Services of {window}</source>
        <translation>Services of {window}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="28"/>
        <source>This window serves:</source>
        <translation>This window serves:</translation>
    </message>
</context>
<context>
    <name>WindowState</name>
    <message>
        <location filename="../../ui/i18n.py" line="172"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="173"/>
        <source>Open, idle</source>
        <translation>Open, idle</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="174"/>
        <source>Calling</source>
        <translation>Calling</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="175"/>
        <source>Serving</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="176"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
</context>
<context>
    <name>WindowTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="128"/>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="129"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="130"/>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="131"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="132"/>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="133"/>
        <source>Served today</source>
        <translation>Served today</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="134"/>
        <source>Avg service</source>
        <translation>Avg service</translation>
    </message>
</context>
</TS>
