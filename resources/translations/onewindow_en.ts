<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlertKind</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="162"/>
        <source>Long wait</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="163"/>
        <source>Long pause</source>
        <translation>Long pause</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="164"/>
        <source>No open window</source>
        <translation>No open window</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="165"/>
        <source>Crowded</source>
        <translation>Crowded</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="172"/>
        <source>longest wait {value} min (limit {limit} min)</source>
        <translation>longest wait {value} min (limit {limit} min)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="175"/>
        <source>paused for {value} min (limit {limit} min)</source>
        <translation>paused for {value} min (limit {limit} min)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="178"/>
        <source>{value} waiting, no open window serves this service</source>
        <translation>{value} waiting, no open window serves this service</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="181"/>
        <source>{value} waiting (limit {limit})</source>
        <translation>{value} waiting (limit {limit})</translation>
    </message>
</context>
<context>
    <name>AlertTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="194"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="198"/>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="202"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="97"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="98"/>
        <source>Company or organisation</source>
        <translation>Company or organisation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="100"/>
        <source>Resident ID card</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="101"/>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="102"/>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="113"/>
        <source>Applying through an agent</source>
        <translation>Applying through an agent</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="120"/>
        <source>Supervisor &amp;override…</source>
        <translation>Supervisor &amp;override…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="127"/>
        <location filename="../../ui/intake/applicant_form.py" line="279"/>
        <source>Read ID card</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="129"/>
        <source>Read the card on the ID-card reader into the form ({key})</source>
        <translation>Read the card on the ID-card reader into the form ({key})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="148"/>
        <location filename="../../ui/intake/applicant_form.py" line="375"/>
        <source>Photo check</source>
        <translation>Photo check</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="163"/>
        <source>Applicant &amp;type</source>
        <translation>Applicant &amp;type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="164"/>
        <source>I&amp;D type</source>
        <translation>I&amp;D type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="165"/>
        <source>ID &amp;number</source>
        <translation>ID &amp;number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="166"/>
        <source>N&amp;ame</source>
        <translation>N&amp;ame</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="169"/>
        <source>&amp;Legal representative</source>
        <translation>&amp;Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="173"/>
        <source>&amp;Contact person</source>
        <translation>&amp;Contact person</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="174"/>
        <location filename="../../ui/intake/applicant_form.py" line="509"/>
        <source>&amp;Phone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="177"/>
        <source>Add&amp;ress</source>
        <translation>Add&amp;ress</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="180"/>
        <source>Agent name</source>
        <translation>Agent name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="181"/>
        <source>Agent ID number</source>
        <translation>Agent ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="182"/>
        <source>Authorisation</source>
        <translation>Authorisation</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="183"/>
        <source>What the authorisation letter says</source>
        <translation>What the authorisation letter says</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="291"/>
        <source>The applicant of a continued case cannot change; to read an agent&apos;s card, tick Applying through an agent first.</source>
        <translation>The applicant of a continued case cannot change; to read an agent&apos;s card, tick Applying through an agent first.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="301"/>
        <source>A company applies with its credit code: to read a person&apos;s card, choose Person, or tick Applying through an agent for the agent&apos;s card.</source>
        <translation>A company applies with its credit code: to read a person&apos;s card, choose Person, or tick Applying through an agent for the agent&apos;s card.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="310"/>
        <source>Place the card on the reader… reading</source>
        <translation>Place the card on the reader… reading</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="333"/>
        <source>This card&apos;s 15-character number is none of the form&apos;s ID types: enter the details by hand.</source>
        <translation>This card&apos;s 15-character number is none of the form&apos;s ID types: enter the details by hand.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="350"/>
        <source>This card expired on {date}: check another valid ID document.</source>
        <translation>This card expired on {date}: check another valid ID document.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="356"/>
        <source>Card read.</source>
        <translation>Card read.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="365"/>
        <source>The card could not be read: enter the details by hand.</source>
        <translation>The card could not be read: enter the details by hand.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="380"/>
        <source>The card photo beside the person, for you to compare by eye</source>
        <translation>The card photo beside the person, for you to compare by eye</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="419"/>
        <source>same person, confirmed</source>
        <translation>same person, confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="420"/>
        <source>NOT the same person</source>
        <translation>NOT the same person</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="421"/>
        <source>could not be checked</source>
        <translation>could not be checked</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="423"/>
        <source>Photo check: {verdict} ({card}, {time}, {clerk})</source>
        <translation>Photo check: {verdict} ({card}, {time}, {clerk})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="477"/>
        <source>Check character overridden by {name}: {reason}</source>
        <translation>Check character overridden by {name}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="509"/>
        <source>Contact &amp;phone</source>
        <translation>Contact &amp;phone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="550"/>
        <source>SMS notice (短信通知): text the applicant about the result</source>
        <translation>SMS notice (短信通知): text the applicant about the result</translation>
    </message>
</context>
<context>
    <name>ApplicantScreen</name>
    <message>
        <location filename="../../ui/applicant/screen.py" line="70"/>
        <source>OneWindow — applicant screen</source>
        <translation>OneWindow — applicant screen</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/screen.py" line="77"/>
        <source>Window {number}</source>
        <translation>Window {number}</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/screen.py" line="78"/>
        <source>Hello, please wait a moment.</source>
        <translation>Hello, please wait a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/screen.py" line="85"/>
        <source>Thank you. Please rate our service on the rating pad of this window.</source>
        <translation>Thank you. Please rate our service on the rating pad of this window.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/screen.py" line="89"/>
        <source>Thank you for your rating. Goodbye.</source>
        <translation>Thank you for your rating. Goodbye.</translation>
    </message>
</context>
<context>
    <name>Assistance</name>
    <message>
        <location filename="../../ui/assistance_text.py" line="16"/>
        <source>form filling</source>
        <translation>form filling</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="17"/>
        <source>material preparation</source>
        <translation>material preparation</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="18"/>
        <source>self-service guidance</source>
        <translation>self-service guidance</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="19"/>
        <source>whole procedure by proxy</source>
        <translation>whole procedure by proxy</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="28"/>
        <source>By proxy</source>
        <translation>By proxy</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="30"/>
        <source>Assisted</source>
        <translation>Assisted</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="31"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="32"/>
        <source>{prefix}: {name} ({kinds})</source>
        <translation>{prefix}: {name} ({kinds})</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="38"/>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>CallerPanel</name>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="113"/>
        <source>Call next</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="114"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="115"/>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="116"/>
        <source>Start service</source>
        <translation>Start service</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="117"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="118"/>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="119"/>
        <source>Park…</source>
        <translation>Park…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="120"/>
        <location filename="../../ui/clerk/caller_panel.py" line="311"/>
        <source>Pause…</source>
        <translation>Pause…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="149"/>
        <source>Today&apos;s tickets at this window</source>
        <translation>Today&apos;s tickets at this window</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="167"/>
        <source>The queue cannot be read. Please check the network.</source>
        <translation>The queue cannot be read. Please check the network.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="262"/>
        <source>The operation failed. Please try again.</source>
        <translation>The operation failed. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="315"/>
        <source>Open window</source>
        <translation>Open window</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="316"/>
        <source>Resume service</source>
        <translation>Resume service</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="54"/>
        <source>within {n} working days of acceptance (no holiday calendar yet)</source>
        <translation>within {n} working days of acceptance (no holiday calendar yet)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="57"/>
        <source>within {n} working days of acceptance (the {year} holiday calendar is not loaded)</source>
        <translation>within {n} working days of acceptance (the {year} holiday calendar is not loaded)</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="207"/>
        <source>Case {case}</source>
        <translation>Case {case}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="211"/>
        <source>{item}
Applicant: {name} ({id})
State: {state}; visits: {visits}; promised by: {due}</source>
        <translation>{item}
Applicant: {name} ({id})
State: {state}; visits: {visits}; promised by: {due}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="225"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="225"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="225"/>
        <location filename="../../ui/intake/lookup_dialog.py" line="232"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="232"/>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="232"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="232"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="235"/>
        <source>&amp;Reprint as COPY</source>
        <translation>&amp;Reprint as COPY</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="237"/>
        <source>&amp;Continue this case</source>
        <translation>&amp;Continue this case</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="254"/>
        <source>Decisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="256"/>
        <source>Printed papers</source>
        <translation>Printed papers</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="264"/>
        <source>(COPY)</source>
        <translation>(COPY)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="285"/>
        <source>First say whether this paper came out.</source>
        <translation>First say whether this paper came out.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="288"/>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="309"/>
        <source>Printed a copy.</source>
        <translation>Printed a copy.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="309"/>
        <source>Printed.</source>
        <translation>Printed.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="311"/>
        <location filename="../../ui/intake/lookup_dialog.py" line="314"/>
        <source>Printing failed.</source>
        <translation>Printing failed.</translation>
    </message>
</context>
<context>
    <name>CaseLookupDialog</name>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="82"/>
        <source>Find a case</source>
        <translation>Find a case</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="91"/>
        <source>Filed on</source>
        <translation>Filed on</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="95"/>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="105"/>
        <source>Case &amp;number</source>
        <translation>Case &amp;number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="106"/>
        <source>&amp;ID number</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="107"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="134"/>
        <location filename="../../ui/intake/lookup_dialog.py" line="141"/>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/lookup_dialog.py" line="153"/>
        <source>%n case(s) found</source>
        <translation>
            <numerusform>%n case found</numerusform>
            <numerusform>%n cases found</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="161"/>
        <source>Nothing found.</source>
        <translation>Nothing found.</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="82"/>
        <source>Your materials</source>
        <translation>Your materials</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="97"/>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="98"/>
        <source>not needed: an e-licence stands in for it</source>
        <translation>not needed: an e-licence stands in for it</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="99"/>
        <source>your signed commitment stands in for it</source>
        <translation>your signed commitment stands in for it</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="100"/>
        <source>accepted now, to be supplied later</source>
        <translation>accepted now, to be supplied later</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="101"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="102"/>
        <source>missing: please supply it</source>
        <translation>missing: please supply it</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="106"/>
        <source>Item: {item}</source>
        <translation>Item: {item}</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="108"/>
        <source>Applicant: {name}</source>
        <translation>Applicant: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="117"/>
        <source>{done} in order, {missing} missing</source>
        <translation>{done} in order, {missing} missing</translation>
    </message>
</context>
<context>
    <name>CaseResultsModel</name>
    <message>
        <location filename="../../ui/intake/case_model.py" line="48"/>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="49"/>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="50"/>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="51"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="52"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="53"/>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="54"/>
        <source>Last change</source>
        <translation>Last change</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="46"/>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="61"/>
        <source>&amp;Change</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="74"/>
        <source>At least {n} characters.</source>
        <translation>At least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="77"/>
        <source>Mix at least {n} of: capital letters, small letters, digits, symbols.</source>
        <translation>Mix at least {n} of: capital letters, small letters, digits, symbols.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="84"/>
        <source>&amp;Current password:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="85"/>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="86"/>
        <source>&amp;Repeat the new password:</source>
        <translation>&amp;Repeat the new password:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="98"/>
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="129"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>The database cannot be reached. Please try again.</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="138"/>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="139"/>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="140"/>
        <source>Copies needed</source>
        <translation>Copies needed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="141"/>
        <source>Necessity</source>
        <translation>Necessity</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="142"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="143"/>
        <source>Original checked</source>
        <translation>Original checked</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="144"/>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="145"/>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="146"/>
        <source>E-licence no.</source>
        <translation>E-licence no.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="147"/>
        <source>Deferred</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="148"/>
        <source>Supply by</source>
        <translation>Supply by</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="149"/>
        <source>Defects</source>
        <translation>Defects</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="150"/>
        <source>Committed</source>
        <translation>Committed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="221"/>
        <source>verification failed</source>
        <translation>verification failed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="223"/>
        <source>免提交</source>
        <translation>no paper needed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="225"/>
        <source>待核验</source>
        <translation>to verify</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="230"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="231"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="232"/>
        <source>Electronic</source>
        <translation>Electronic</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="233"/>
        <source>Original and copy</source>
        <translation>Original and copy</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="238"/>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="239"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="240"/>
        <source>Deferrable</source>
        <translation>Deferrable</translation>
    </message>
</context>
<context>
    <name>ClerkFlow</name>
    <message>
        <location filename="../../ui/flow.py" line="212"/>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="213"/>
        <location filename="../../ui/flow.py" line="282"/>
        <location filename="../../ui/flow.py" line="371"/>
        <source>OneWindow</source>
        <translation>OneWindow</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="274"/>
        <source>The database holds no service hall to work in. Start the app with --seed-demo for the demo hall, or ask the administrator.</source>
        <translation>The database holds no service hall to work in. Start the app with --seed-demo for the demo hall, or ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="281"/>
        <source>The database cannot be opened. Please ask the administrator.</source>
        <translation>The database cannot be opened. Please ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="373"/>
        <source>This PC holds no hall key, so assistance cannot be recorded here. Please use a PC with the intake, or ask the administrator.</source>
        <translation>This PC holds no hall key, so assistance cannot be recorded here. Please use a PC with the intake, or ask the administrator.</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="83"/>
        <source>OneWindow — {hall}</source>
        <translation>OneWindow — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="84"/>
        <source>Signed in as {name} at window {window}</source>
        <translation>Signed in as {name} at window {window}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="99"/>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Lock the screen</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="102"/>
        <source>&amp;Change password…</source>
        <translation>&amp;Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="105"/>
        <source>&amp;Find a case…</source>
        <translation>&amp;Find a case…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="123"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="124"/>
        <source>The intake form holds work that has not been saved. Sign out and discard it?</source>
        <translation>The intake form holds work that has not been saved. Sign out and discard it?</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="129"/>
        <source>Sign out and &amp;discard</source>
        <translation>Sign out and &amp;discard</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="152"/>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="153"/>
        <source>&amp;Intake</source>
        <translation>&amp;Intake</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="157"/>
        <source>&amp;Pickup</source>
        <translation>&amp;Pickup</translation>
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
    <name>CreditBox</name>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="59"/>
        <source>Check a&amp;gain</source>
        <translation>Check a&amp;gain</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="61"/>
        <source>Supervisor o&amp;verride…</source>
        <translation>Supervisor o&amp;verride…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="106"/>
        <location filename="../../ui/intake/credit_box.py" line="192"/>
        <source>Credit status: checking…</source>
        <translation>Credit status: checking…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="126"/>
        <source>Credit status: the check failed; see the log.</source>
        <translation>Credit status: the check failed; see the log.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="167"/>
        <source>The applicant&apos;s credit status could not be checked. A supervisor may let deferral (容缺) or notify-and-commit (告知承诺) go ahead; the override and its reason are recorded with the case.</source>
        <translation>The applicant&apos;s credit status could not be checked. A supervisor may let deferral (容缺) or notify-and-commit (告知承诺) go ahead; the override and its reason are recorded with the case.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="189"/>
        <source>Credit status: —</source>
        <translation>Credit status: —</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="201"/>
        <source>Credit status: clear</source>
        <translation>Credit status: clear</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="203"/>
        <source>listed</source>
        <translation>listed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="204"/>
        <source>Credit status: {reasons} (on the joint-punishment list)</source>
        <translation>Credit status: {reasons} (on the joint-punishment list)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="207"/>
        <source>Credit status: could not be checked ({why})</source>
        <translation>Credit status: could not be checked ({why})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="211"/>
        <source>Overridden by {name}: {reason}</source>
        <translation>Overridden by {name}: {reason}</translation>
    </message>
</context>
<context>
    <name>CurrentTicketView</name>
    <message>
        <location filename="../../ui/clerk/current_ticket.py" line="37"/>
        <source>Current ticket</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/current_ticket.py" line="52"/>
        <location filename="../../ui/clerk/current_ticket.py" line="54"/>
        <source>No current ticket</source>
        <translation>No current ticket</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/clerk/current_ticket.py" line="72"/>
        <source>recalled %n time(s)</source>
        <translation>
            <numerusform>recalled %n time</numerusform>
            <numerusform>recalled %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="53"/>
        <source>Ground for re&amp;fusal…</source>
        <translation>Ground for re&amp;fusal…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="95"/>
        <source>Notify-and-commit: {count} material(s) on the applicant&apos;s commitment; the commitment letter prints with the paper, to be signed.</source>
        <translation>Notify-and-commit: {count} material(s) on the applicant&apos;s commitment; the commitment letter prints with the paper, to be signed.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="102"/>
        <source>Recommended: {decision}</source>
        <translation>Recommended: {decision}</translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="44"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="47"/>
        <source>One-time notice: materials to supply</source>
        <translation>One-time notice: materials to supply</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="50"/>
        <source>Your application cannot be accepted yet. Everything still needed is listed below and on the notice you receive: bring it all next time.</source>
        <translation>Your application cannot be accepted yet. Everything still needed is listed below and on the notice you receive: bring it all next time.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="56"/>
        <source>Accepted, with materials to follow</source>
        <translation>Accepted, with materials to follow</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="65"/>
        <source>Not accepted</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="68"/>
        <source>The application cannot be accepted here. The notice you receive gives the reason, who can handle it, and your right to ask for a review or to go to court.</source>
        <translation>The application cannot be accepted here. The notice you receive gives the reason, who can handle it, and your right to ask for a review or to go to court.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="76"/>
        <source>Your case number is {case}.</source>
        <translation>Your case number is {case}.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="79"/>
        <source>It will be decided by {date}.</source>
        <translation>It will be decided by {date}.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="86"/>
        <source>{material}: supply it by {date}</source>
        <translation>{material}: supply it by {date}</translation>
    </message>
</context>
<context>
    <name>DeliveryBox</name>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="33"/>
        <source>Result delivery</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="34"/>
        <source>Collect at the &amp;window</source>
        <translation>Collect at the &amp;window</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="35"/>
        <source>&amp;Mail it (邮寄送达)</source>
        <translation>&amp;Mail it (邮寄送达)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="53"/>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="54"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="55"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="60"/>
        <source>Re&amp;cipient</source>
        <translation>Re&amp;cipient</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="61"/>
        <source>Mo&amp;bile</source>
        <translation>Mo&amp;bile</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="62"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="63"/>
        <source>A&amp;ddress</source>
        <translation>A&amp;ddress</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="64"/>
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
</context>
<context>
    <name>FeeMessage</name>
    <message>
        <location filename="../../ui/fee_messages.py" line="17"/>
        <source>This item has fees: record the payment, a waiver, or pay later</source>
        <translation>This item has fees: record the payment, a waiver, or pay later</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="20"/>
        <source>The amount is yuan with at most two decimals, e.g. 8 or 8.50</source>
        <translation>The amount is yuan with at most two decimals, e.g. 8 or 8.50</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="23"/>
        <source>{found} yuan entered, but the fees come to {expected}</source>
        <translation>{found} yuan entered, but the fees come to {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="26"/>
        <source>A non-tax payment reference has 20 digits, not {found}</source>
        <translation>A non-tax payment reference has 20 digits, not {found}</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="29"/>
        <source>Give the reason for waiving the fees</source>
        <translation>Give the reason for waiving the fees</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="32"/>
        <source>The reason is too long (at most 200 characters)</source>
        <translation>The reason is too long (at most 200 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="35"/>
        <source>The fees must be paid or waived before the result is handed over</source>
        <translation>The fees must be paid or waived before the result is handed over</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="38"/>
        <source>Enter the recipient</source>
        <translation>Enter the recipient</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="39"/>
        <source>The recipient&apos;s name cannot be used</source>
        <translation>The recipient&apos;s name cannot be used</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="42"/>
        <source>The recipient&apos;s phone is not a phone number</source>
        <translation>The recipient&apos;s phone is not a phone number</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="45"/>
        <source>The courier needs a mobile number (11 digits, 1…)</source>
        <translation>The courier needs a mobile number (11 digits, 1…)</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="48"/>
        <source>Enter the province, city and district</source>
        <translation>Enter the province, city and district</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="51"/>
        <source>A province, city or district name is too long</source>
        <translation>A province, city or district name is too long</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="54"/>
        <source>Enter the full street address</source>
        <translation>Enter the full street address</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="57"/>
        <source>The address is too long (at most 120 characters)</source>
        <translation>The address is too long (at most 120 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="60"/>
        <source>A postal code has 6 digits</source>
        <translation>A postal code has 6 digits</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="63"/>
        <source>Enter the tracking number</source>
        <translation>Enter the tracking number</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="64"/>
        <source>An EMS number has 13 digits, or 2 letters, 9 digits and 2 letters</source>
        <translation>An EMS number has 13 digits, or 2 letters, 9 digits and 2 letters</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="67"/>
        <source>The check digit of this EMS number is {found}, it should be {expected}: check the number</source>
        <translation>The check digit of this EMS number is {found}, it should be {expected}: check the number</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="72"/>
        <source>An SF Express number is SF and 13 digits, or 12 digits</source>
        <translation>An SF Express number is SF and 13 digits, or 12 digits</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="75"/>
        <source>A tracking number has 8 to 30 letters and digits</source>
        <translation>A tracking number has 8 to 30 letters and digits</translation>
    </message>
</context>
<context>
    <name>FeesBox</name>
    <message>
        <location filename="../../ui/fees_box.py" line="41"/>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="42"/>
        <source>Non-tax payment reference</source>
        <translation>Non-tax payment reference</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="43"/>
        <source>Waived (with the reason)</source>
        <translation>Waived (with the reason)</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="44"/>
        <source>Pay later, when collecting the result</source>
        <translation>Pay later, when collecting the result</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="56"/>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="65"/>
        <source>20 digits</source>
        <translation>20 digits</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="71"/>
        <source>&amp;Payment</source>
        <translation>&amp;Payment</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="72"/>
        <source>&amp;Amount (yuan)</source>
        <translation>&amp;Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="73"/>
        <source>&amp;Reference</source>
        <translation>&amp;Reference</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="74"/>
        <source>Re&amp;ason</source>
        <translation>Re&amp;ason</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="101"/>
        <source>Free of charge (免费)</source>
        <translation>Free of charge (免费)</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="105"/>
        <source>{amount} yuan</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="107"/>
        <source>amount set per case</source>
        <translation>amount set per case</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="109"/>
        <source>Basis: {basis}</source>
        <translation>Basis: {basis}</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="113"/>
        <source>Total: {amount} yuan</source>
        <translation>Total: {amount} yuan</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="76"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="79"/>
        <source>Item / department / clerk</source>
        <translation>Item / department / clerk</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="83"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="87"/>
        <source>One-time notices</source>
        <translation>One-time notices</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="91"/>
        <source>Deferrals</source>
        <translation>Deferrals</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="95"/>
        <source>Refusals</source>
        <translation>Refusals</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="99"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="103"/>
        <location filename="../../ui/supervisor/figures_models.py" line="169"/>
        <source>At most one visit</source>
        <translation>At most one visit</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="107"/>
        <source>Handed over</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="111"/>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="115"/>
        <source>Avg days</source>
        <translation>Avg days</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="119"/>
        <source>P90 days</source>
        <translation>P90 days</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="123"/>
        <source>On the spot</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="131"/>
        <source>Visits per case</source>
        <translation>Visits per case</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="160"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="162"/>
        <source>Catalogue version</source>
        <translation>Catalogue version</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="166"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="173"/>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="177"/>
        <source>Items with demo visits</source>
        <translation>Items with demo visits</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="191"/>
        <source>Promised date within two working days</source>
        <translation>Promised date within two working days</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="194"/>
        <source>Deferred material overdue</source>
        <translation>Deferred material overdue</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="197"/>
        <source>Promised date waits for the holiday calendar</source>
        <translation>Promised date waits for the holiday calendar</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="200"/>
        <source>Supplement notice later than five working days after receipt</source>
        <translation>Supplement notice later than five working days after receipt</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="203"/>
        <source>Licence to issue within ten working days of approval</source>
        <translation>Licence to issue within ten working days of approval</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="209"/>
        <source>Next year&apos;s holiday calendar is missing: import it (clerk-app calendar import) or receive it by sync</source>
        <translation>Next year&apos;s holiday calendar is missing: import it (clerk-app calendar import) or receive it by sync</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="214"/>
        <source>Notify-and-commit: post-check due</source>
        <translation>Notify-and-commit: post-check due</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="217"/>
        <source>Notify-and-commit: post-check date waits for the holiday calendar</source>
        <translation>Notify-and-commit: post-check date waits for the holiday calendar</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="262"/>
        <source>Unknown: load the {year} holiday calendar</source>
        <translation>Unknown: load the {year} holiday calendar</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="206"/>
        <source>Bad rating not followed up in time</source>
        <translation>Bad rating not followed up in time</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="51"/>
        <source>Rests on demo values: for {n} of the accepted cases the item&apos;s handling (on the spot or promised) is a demo value, not a published one.</source>
        <translation>Rests on demo values: for {n} of the accepted cases the item&apos;s handling (on the spot or promised) is a demo value, not a published one.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="59"/>
        <source>Rests on demo values: the visits needed of {n} items are demo values, not published ones.</source>
        <translation>Rests on demo values: the visits needed of {n} items are demo values, not published ones.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="236"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="240"/>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="244"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="246"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="115"/>
        <source>Per day</source>
        <translation>Per day</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="116"/>
        <source>Per month</source>
        <translation>Per month</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="119"/>
        <source>Whole hall</source>
        <translation>Whole hall</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="120"/>
        <source>Per item</source>
        <translation>Per item</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="121"/>
        <source>Per department</source>
        <translation>Per department</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="122"/>
        <source>Per clerk</source>
        <translation>Per clerk</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="125"/>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="127"/>
        <source>&amp;Daily report PDF…</source>
        <translation>&amp;Daily report PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="129"/>
        <source>&amp;Monthly report PDF…</source>
        <translation>&amp;Monthly report PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="131"/>
        <source>E&amp;xport XLSX…</source>
        <translation>E&amp;xport XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="167"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="168"/>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="169"/>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="170"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="171"/>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="173"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="150"/>
        <source>Revisit</source>
        <translation>Revisit</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="151"/>
        <source>Rectify</source>
        <translation>Rectify</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="152"/>
        <source>Appeal for review</source>
        <translation>Appeal for review</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="154"/>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="155"/>
        <source>&amp;Close follow-up</source>
        <translation>&amp;Close follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="172"/>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="186"/>
        <source>Helper</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="187"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="188"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="189"/>
        <source>Sittings</source>
        <translation>Sittings</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="190"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="200"/>
        <source>Commitment true</source>
        <translation>Commitment true</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="202"/>
        <source>False commitment (revoke, bad credit)</source>
        <translation>False commitment (revoke, bad credit)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="204"/>
        <source>Record &amp;post-check</source>
        <translation>Record &amp;post-check</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="220"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="220"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="233"/>
        <source>Deadline alerts</source>
        <translation>Deadline alerts</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="241"/>
        <source>Bad ratings to follow up</source>
        <translation>Bad ratings to follow up</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="249"/>
        <source>Items in “once and for all” mode, month by month</source>
        <translation>Items in “once and for all” mode, month by month</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="252"/>
        <source>Assistance (帮办代办)</source>
        <translation>Assistance (帮办代办)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="281"/>
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="312"/>
        <source>Items in “once and for all” mode: {share} ({n} of {items})</source>
        <translation>Items in “once and for all” mode: {share} ({n} of {items})</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="322"/>
        <source>“Once and for all” share of the active catalogue: {note}</source>
        <translation>“Once and for all” share of the active catalogue: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="328"/>
        <source>On-the-spot share: {note}</source>
        <translation>On-the-spot share: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="334"/>
        <source>Figures for {first} to {last}.</source>
        <translation>Figures for {first} to {last}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="353"/>
        <source>Monthly trend, {months}: {note}</source>
        <translation>Monthly trend, {months}: {note}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/supervisor/figures_panel.py" line="377"/>
        <source>Deadlines of %n case(s) cannot be dated: the holiday calendar of {years} is not loaded. Once it is, their dates are computed.</source>
        <translation>
            <numerusform>The deadline of %n case cannot be dated: the holiday calendar of {years} is not loaded. Once it is, its date is computed.</numerusform>
            <numerusform>The deadlines of %n cases cannot be dated: the holiday calendar of {years} is not loaded. Once it is, their dates are computed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="389"/>
        <source>waiting for the calendar</source>
        <translation>waiting for the calendar</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="401"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="409"/>
        <source>Choose a follow-up first.</source>
        <translation>Choose a follow-up first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="424"/>
        <source>Follow-up of the rating at window {window} closed.</source>
        <translation>Follow-up of the rating at window {window} closed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="439"/>
        <source>Choose a notify-and-commit post-check alert first.</source>
        <translation>Choose a notify-and-commit post-check alert first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="455"/>
        <source>Post-check of case {case} recorded.</source>
        <translation>Post-check of case {case} recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="462"/>
        <source>Save the figures</source>
        <translation>Save the figures</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="467"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="467"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="493"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="496"/>
        <source>Saved to {path}.</source>
        <translation>Saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="504"/>
        <source>This follow-up is already closed.</source>
        <translation>This follow-up is already closed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="505"/>
        <source>Only a supervisor closes a follow-up.</source>
        <translation>Only a supervisor closes a follow-up.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="507"/>
        <source>The follow-up could not be closed.</source>
        <translation>The follow-up could not be closed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="510"/>
        <source>This case&apos;s post-check cannot be recorded (already recorded?).</source>
        <translation>This case&apos;s post-check cannot be recorded (already recorded?).</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="513"/>
        <source>Only a supervisor records a post-check.</source>
        <translation>Only a supervisor records a post-check.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="516"/>
        <source>The file could not be saved: {error}</source>
        <translation>The file could not be saved: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="519"/>
        <source>Your role may not export the hall&apos;s figures.</source>
        <translation>Your role may not export the hall&apos;s figures.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="522"/>
        <source>The operation failed. Please try again.</source>
        <translation>The operation failed. Please try again.</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../ui/display/display.py" line="117"/>
        <source>Offline: reconnecting to the queue…</source>
        <translation>Offline: reconnecting to the queue…</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="123"/>
        <source>Now calling</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="133"/>
        <source>Last calls</source>
        <translation>Last calls</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="134"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="203"/>
        <source>Please go to {window}</source>
        <translation>Please go to {window}</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="74"/>
        <source>Hand over {case}</source>
        <translation>Hand over {case}</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="76"/>
        <source>{item}
Applicant: {name} ({id})
Certificate number: {number}</source>
        <translation>{item}
Applicant: {name} ({id})
Certificate number: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="83"/>
        <source>&amp;Collected at the window</source>
        <translation>&amp;Collected at the window</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="84"/>
        <source>&amp;Mailed</source>
        <translation>&amp;Mailed</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="93"/>
        <source>Only for an agent not named in the case</source>
        <translation>Only for an agent not named in the case</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="95"/>
        <source>Addressee as written on the parcel</source>
        <translation>Addressee as written on the parcel</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="105"/>
        <source>Fees to pay before handing over</source>
        <translation>Fees to pay before handing over</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="111"/>
        <source>&amp;Record handover</source>
        <translation>&amp;Record handover</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="134"/>
        <source>Left to pay at pickup: {amount} yuan</source>
        <translation>Left to pay at pickup: {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="145"/>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="147"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="148"/>
        <source>&amp;ID number</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="149"/>
        <source>&amp;Authorisation letter</source>
        <translation>&amp;Authorisation letter</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="150"/>
        <source>Mailing</source>
        <translation>Mailing</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="152"/>
        <source>A&amp;ddressee</source>
        <translation>A&amp;ddressee</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="153"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="154"/>
        <source>C&amp;ourier</source>
        <translation>C&amp;ourier</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="155"/>
        <source>&amp;Tracking number</source>
        <translation>&amp;Tracking number</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="181"/>
        <source>Enter the name of the person collecting.</source>
        <translation>Enter the name of the person collecting.</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="228"/>
        <source>Recording the handover…</source>
        <translation>Recording the handover…</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="243"/>
        <source>The handover could not be recorded. Please try again.</source>
        <translation>The handover could not be recorded. Please try again.</translation>
    </message>
</context>
<context>
    <name>HelperPanel</name>
    <message>
        <location filename="../../ui/helper/window.py" line="73"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="73"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="73"/>
        <source>Waiting since</source>
        <translation>Waiting since</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="80"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="82"/>
        <source>Ticket or case number</source>
        <translation>Ticket or case number</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="83"/>
        <source>&amp;Start assisting</source>
        <translation>&amp;Start assisting</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="86"/>
        <source>Authorisation &amp;letter seen</source>
        <translation>Authorisation &amp;letter seen</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="88"/>
        <source>or its material or scan reference</source>
        <translation>or its material or scan reference</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="91"/>
        <source>as timed</source>
        <translation>as timed</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="92"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="94"/>
        <source>No names, ID or phone numbers</source>
        <translation>No names, ID or phone numbers</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="95"/>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="96"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="106"/>
        <source>&amp;1 Form filling</source>
        <translation>&amp;1 Form filling</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="107"/>
        <source>&amp;2 Material preparation</source>
        <translation>&amp;2 Material preparation</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="108"/>
        <source>&amp;3 Self-service guidance</source>
        <translation>&amp;3 Self-service guidance</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="109"/>
        <source>&amp;4 Whole procedure by proxy (代办)</source>
        <translation>&amp;4 Whole procedure by proxy (代办)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="115"/>
        <source>&amp;Waiting in the hall</source>
        <translation>&amp;Waiting in the hall</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="121"/>
        <source>&amp;Number</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="126"/>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="132"/>
        <source>Authorisation &amp;reference</source>
        <translation>Authorisation &amp;reference</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="135"/>
        <source>&amp;Minutes</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="138"/>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="152"/>
        <source>&amp;Done today</source>
        <translation>&amp;Done today</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="206"/>
        <source>Pick a waiting ticket or type a ticket or case number.</source>
        <translation>Pick a waiting ticket or type a ticket or case number.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="221"/>
        <source>Not assisting anyone now.</source>
        <translation>Not assisting anyone now.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="224"/>
        <source>Assisting {number} since {time}</source>
        <translation>Assisting {number} since {time}</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="273"/>
        <source>ticket {number}</source>
        <translation>ticket {number}</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="274"/>
        <source>Recorded for {where}.</source>
        <translation>Recorded for {where}.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="284"/>
        <source>Your account may not record assistance.</source>
        <translation>Your account may not record assistance.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="286"/>
        <source>Not saved: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="290"/>
        <source>Tick what was done.</source>
        <translation>Tick what was done.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="291"/>
        <source>Give a ticket or a case number.</source>
        <translation>Give a ticket or a case number.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="292"/>
        <source>No such ticket today in this hall.</source>
        <translation>No such ticket today in this hall.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="293"/>
        <source>No such case in this hall.</source>
        <translation>No such case in this hall.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="295"/>
        <source>代办 needs the authorisation: tick the letter seen or give its reference.</source>
        <translation>代办 needs the authorisation: tick the letter seen or give its reference.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="297"/>
        <source>The note holds a character that cannot be kept.</source>
        <translation>The note holds a character that cannot be kept.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="299"/>
        <source>The note may hold no ID or phone numbers: the case has them.</source>
        <translation>The note may hold no ID or phone numbers: the case has them.</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="301"/>
        <source>The minutes are out of range.</source>
        <translation>The minutes are out of range.</translation>
    </message>
</context>
<context>
    <name>HelperWindow</name>
    <message>
        <location filename="../../ui/helper/window.py" line="318"/>
        <source>OneWindow assistance desk — {hall}</source>
        <translation>OneWindow assistance desk — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="320"/>
        <source>Signed in as {name}</source>
        <translation>Signed in as {name}</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="323"/>
        <source>&amp;Refresh the queue</source>
        <translation>&amp;Refresh the queue</translation>
    </message>
</context>
<context>
    <name>IntakeMessage</name>
    <message>
        <location filename="../../ui/intake/messages.py" line="17"/>
        <source>Enter the ID number</source>
        <translation>Enter the ID number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="18"/>
        <source>A 15-digit ID number is no longer valid: ask for the 18-digit one</source>
        <translation>A 15-digit ID number is no longer valid: ask for the 18-digit one</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="21"/>
        <source>An ID number has {expected} characters, not {found}</source>
        <translation>An ID number has {expected} characters, not {found}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="24"/>
        <source>Character {position} is {found}: only digits, and X at the end</source>
        <translation>Character {position} is {found}: only digits, and X at the end</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="27"/>
        <source>{found} is not a province code</source>
        <translation>{found} is not a province code</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="30"/>
        <source>A permanent-residence number gives the issuing province in characters 2-3: {found} is not a province code</source>
        <translation>A permanent-residence number gives the issuing province in characters 2-3: {found} is not a province code</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="35"/>
        <source>The birth date {found} is not a real date</source>
        <translation>The birth date {found} is not a real date</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="38"/>
        <source>The birth date {found} is before {expected}: no ID number holder was born then; check the year</source>
        <translation>The birth date {found} is before {expected}: no ID number holder was born then; check the year</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="43"/>
        <source>The birth date {found} is in the future</source>
        <translation>The birth date {found} is in the future</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="46"/>
        <source>The 18th character (check digit) should be {expected}</source>
        <translation>The 18th character (check digit) should be {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="49"/>
        <source>Enter the unified social credit code</source>
        <translation>Enter the unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="52"/>
        <source>A credit code has {expected} characters, not {found}</source>
        <translation>A credit code has {expected} characters, not {found}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="55"/>
        <source>Character {position} is {found}, never used in credit codes; perhaps {expected}</source>
        <translation>Character {position} is {found}, never used in credit codes; perhaps {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="59"/>
        <source>Character {position} is {found}: not allowed here</source>
        <translation>Character {position} is {found}: not allowed here</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="62"/>
        <source>Character {position} is {found}: the region code is digits</source>
        <translation>Character {position} is {found}: the region code is digits</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="65"/>
        <source>The 18th character (check character) should be {expected}</source>
        <translation>The 18th character (check character) should be {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="68"/>
        <source>This field is required</source>
        <translation>This field is required</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="69"/>
        <source>{found} characters, at most {expected}</source>
        <translation>{found} characters, at most {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="72"/>
        <source>Character {position} is a control character</source>
        <translation>Character {position} is a control character</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="75"/>
        <source>Character {position} comes from an old input method: enter the standard character</source>
        <translation>Character {position} comes from an old input method: enter the standard character</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="79"/>
        <source>Character {position} is a digit: a name has no digits</source>
        <translation>Character {position} is a digit: a name has no digits</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="82"/>
        <source>Enter the phone number</source>
        <translation>Enter the phone number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="83"/>
        <source>Character {position} is {found}: digits only</source>
        <translation>Character {position} is {found}: digits only</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="86"/>
        <source>A mobile number has {expected} digits, not {found}</source>
        <translation>A mobile number has {expected} digits, not {found}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="89"/>
        <source>Mobile numbers start 13 to 19</source>
        <translation>Mobile numbers start 13 to 19</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="92"/>
        <source>A landline needs its area code, e.g. 0431-1234567</source>
        <translation>A landline needs its area code, e.g. 0431-1234567</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="95"/>
        <source>A landline has an area code and 7-8 digits</source>
        <translation>A landline has an area code and 7-8 digits</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="98"/>
        <source>Not a phone number</source>
        <translation>Not a phone number</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="101"/>
        <source>A passport number has 5 to 20 letters and digits</source>
        <translation>A passport number has 5 to 20 letters and digits</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="120"/>
        <source>The applicant&apos;s details are not valid.</source>
        <translation>The applicant&apos;s details are not valid.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="123"/>
        <source>The agent needs a name, an ID number and an authorisation.</source>
        <translation>The agent needs a name, an ID number and an authorisation.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="126"/>
        <source>This item is not in the catalogue.</source>
        <translation>This item is not in the catalogue.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="129"/>
        <source>Choose the applicant&apos;s situation.</source>
        <translation>Choose the applicant&apos;s situation.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="132"/>
        <source>This item is suspended: no new applications.</source>
        <translation>This item is suspended: no new applications.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="135"/>
        <source>A page is assigned to a material not on this checklist.</source>
        <translation>A page is assigned to a material not on this checklist.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="138"/>
        <source>The rules do not allow this decision now.</source>
        <translation>The rules do not allow this decision now.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="141"/>
        <source>There is no case with this number.</source>
        <translation>There is no case with this number.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="144"/>
        <source>This case is closed: it takes no further visit.</source>
        <translation>This case is closed: it takes no further visit.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="147"/>
        <source>This case is for another item or applicant.</source>
        <translation>This case is for another item or applicant.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="150"/>
        <source>Record how the fees were paid, waived or left to pay later.</source>
        <translation>Record how the fees were paid, waived or left to pay later.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="153"/>
        <source>The mailing address cannot be used.</source>
        <translation>The mailing address cannot be used.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="156"/>
        <source>The disk is full: this case was not saved. Ask for space to be freed, then save it again.</source>
        <translation>The disk is full: this case was not saved. Ask for space to be freed, then save it again.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="167"/>
        <source>One-time notice issued</source>
        <translation>One-time notice issued</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="170"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="171"/>
        <source>Accepted with deferral</source>
        <translation>Accepted with deferral</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="174"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="175"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="176"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="177"/>
        <source>Supplement requested</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="180"/>
        <source>Handed over</source>
        <translation>Handed over</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <location filename="../../ui/intake/panel.py" line="190"/>
        <source>Case number (type or scan)</source>
        <translation>Case number (type or scan)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="191"/>
        <source>&amp;Open case</source>
        <translation>&amp;Open case</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="192"/>
        <source>&amp;New case</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="401"/>
        <source>Some pages look blank: keep or remove them first.</source>
        <translation>Some pages look blank: keep or remove them first.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="417"/>
        <source>Case {case}: saved (visit {visit}).</source>
        <translation>Case {case}: saved (visit {visit}).</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="438"/>
        <source>SMS notice: the applicant will get a text when the result is ready.</source>
        <translation>SMS notice: the applicant will get a text when the result is ready.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="461"/>
        <source>SMS notice: the applicant opted in at an earlier visit ({status}).</source>
        <translation>SMS notice: the applicant opted in at an earlier visit ({status}).</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="468"/>
        <source>SMS notice not set up: the phone is not a mainland mobile number.</source>
        <translation>SMS notice not set up: the phone is not a mainland mobile number.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="472"/>
        <source>SMS notice not set up; see the log.</source>
        <translation>SMS notice not set up; see the log.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="481"/>
        <source>Something went wrong; see the log.</source>
        <translation>Something went wrong; see the log.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="546"/>
        <source>Continuing case {case} (visit {visit})</source>
        <translation>Continuing case {case} (visit {visit})</translation>
    </message>
</context>
<context>
    <name>IntakeReason</name>
    <message>
        <location filename="../../ui/intake/reasons.py" line="33"/>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="34"/>
        <source>One-time notice</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="35"/>
        <source>Accept with deferral</source>
        <translation>Accept with deferral</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="36"/>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="43"/>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="44"/>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="45"/>
        <source>Defective</source>
        <translation>Defective</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="46"/>
        <source>Replaced by e-licence</source>
        <translation>Replaced by e-licence</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="49"/>
        <source>Deferred</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="50"/>
        <source>Not needed</source>
        <translation>Not needed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="51"/>
        <source>Committed (notify-and-commit)</source>
        <translation>Committed (notify-and-commit)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="61"/>
        <source>this counter has no central server</source>
        <translation>this counter has no central server</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="64"/>
        <source>the central server cannot be reached</source>
        <translation>the central server cannot be reached</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="67"/>
        <source>the central server did not answer in time</source>
        <translation>the central server did not answer in time</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="70"/>
        <source>the central server&apos;s answer was unreadable</source>
        <translation>the central server&apos;s answer was unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="73"/>
        <source>the central server refused the lookup</source>
        <translation>the central server refused the lookup</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="76"/>
        <source>not checkable</source>
        <translation>not checkable</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="77"/>
        <source>still checking</source>
        <translation>still checking</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="36"/>
        <source>implementation code</source>
        <translation>implementation code</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="37"/>
        <source>basic code</source>
        <translation>basic code</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="38"/>
        <source>item type</source>
        <translation>item type</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="39"/>
        <source>department</source>
        <translation>department</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="40"/>
        <source>statutory time limit</source>
        <translation>statutory time limit</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="41"/>
        <source>promised time limit</source>
        <translation>promised time limit</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="42"/>
        <source>on the spot or promised</source>
        <translation>on the spot or promised</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="43"/>
        <source>visits needed</source>
        <translation>visits needed</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="44"/>
        <source>fees</source>
        <translation>fees</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="45"/>
        <source>applicants served</source>
        <translation>applicants served</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="46"/>
        <source>channels</source>
        <translation>channels</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="47"/>
        <source>result</source>
        <translation>result</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="59"/>
        <source>Demo values, not from the published service guide: {fields}.</source>
        <translation>Demo values, not from the published service guide: {fields}.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="61"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="63"/>
        <source>Checklist materials holding demo values: {n}.</source>
        <translation>Checklist materials holding demo values: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="67"/>
        <source>The hall&apos;s figures that count this item are marked as resting on them.</source>
        <translation>The hall&apos;s figures that count this item are marked as resting on them.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="87"/>
        <source>Item name, pinyin initials or code</source>
        <translation>Item name, pinyin initials or code</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="103"/>
        <source>&amp;Item</source>
        <translation>&amp;Item</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="105"/>
        <source>Chosen</source>
        <translation>Chosen</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="107"/>
        <source>&amp;Situation</source>
        <translation>&amp;Situation</translation>
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
    <message>
        <location filename="../../ui/kiosk/messages.py" line="40"/>
        <source>This booking was cancelled. Please take a ticket for the service, or book again.</source>
        <translation>This booking was cancelled. Please take a ticket for the service, or book again.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="44"/>
        <source>It is too early to check in for this booking. Please come back shortly before your time.</source>
        <translation>It is too early to check in for this booking. Please come back shortly before your time.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="49"/>
        <source>The time of this booking has passed. Please take an ordinary ticket, or ask the staff for help.</source>
        <translation>The time of this booking has passed. Please take an ordinary ticket, or ask the staff for help.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="54"/>
        <source>We found no booking for this ID card today. Please check in with the booking code, or ask the staff for help.</source>
        <translation>We found no booking for this ID card today. Please check in with the booking code, or ask the staff for help.</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="137"/>
        <source>Please choose a service</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="140"/>
        <source>Priority service: elderly, disabled, pregnant, service members</source>
        <translation>Priority service: elderly, disabled, pregnant, service members</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="143"/>
        <source>Appointment check-in</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="160"/>
        <source>Scan the barcode of your booking, or type its code and press OK</source>
        <translation>Scan the barcode of your booking, or type its code and press OK</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="187"/>
        <source>Check in with your ID card</source>
        <translation>Check in with your ID card</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="191"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="193"/>
        <location filename="../../ui/kiosk/kiosk.py" line="215"/>
        <location filename="../../ui/kiosk/kiosk.py" line="273"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="211"/>
        <source>You have several bookings today. Please choose the one to check in.</source>
        <translation>You have several bookings today. Please choose the one to check in.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="230"/>
        <source>Print again</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="232"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="235"/>
        <source>Text me when my turn is near (短信提醒)</source>
        <translation>Text me when my turn is near (短信提醒)</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="252"/>
        <source>Enter your mobile number. We will send one text message when your turn is near. By pressing OK you agree that the hall stores this number, encrypted, for this ticket only, and gives it to the text-message service to send it.</source>
        <translation>Enter your mobile number. We will send one text message when your turn is near. By pressing OK you agree that the hall stores this number, encrypted, for this ticket only, and gives it to the text-message service to send it.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="260"/>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="265"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="271"/>
        <source>OK, text me</source>
        <translation>OK, text me</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="287"/>
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="327"/>
        <source>Bookings as of {time}: a booking made or cancelled online since then is not known here yet. If yours is not found, please ask the staff.</source>
        <translation>Bookings as of {time}: a booking made or cancelled online since then is not known here yet. If yours is not found, please ask the staff.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="332"/>
        <source>Bookings as of {time}</source>
        <translation>Bookings as of {time}</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="385"/>
        <source>Tickets cannot be issued at the moment. Please ask the staff for help.</source>
        <translation>Tickets cannot be issued at the moment. Please ask the staff for help.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="407"/>
        <source>Please place your ID card on the reader…</source>
        <translation>Please place your ID card on the reader…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/kiosk.py" line="454"/>
        <source>%n person(s) ahead of you</source>
        <translation>
            <numerusform>%n person ahead of you</numerusform>
            <numerusform>%n people ahead of you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/kiosk.py" line="455"/>
        <source>Estimated wait: about %n minute(s)</source>
        <translation>
            <numerusform>Estimated wait: about %n minute</numerusform>
            <numerusform>Estimated wait: about %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="470"/>
        <source>Sorry, no ticket could be issued. Please ask the staff for help.</source>
        <translation>Sorry, no ticket could be issued. Please ask the staff for help.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="513"/>
        <source>Please enter an 11-digit mainland mobile number (starting with 1).</source>
        <translation>Please enter an 11-digit mainland mobile number (starting with 1).</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="528"/>
        <source>We will text you when your turn is near.</source>
        <translation>We will text you when your turn is near.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="536"/>
        <source>Sorry, text messages cannot be arranged now. Please watch the screen.</source>
        <translation>Sorry, text messages cannot be arranged now. Please watch the screen.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="546"/>
        <source>Printing your ticket…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="555"/>
        <source>Please take your ticket below.</source>
        <translation>Please take your ticket below.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="568"/>
        <source>Please check whether your ticket came out below. If it did not, or only in part, press Print again: your number is valid.</source>
        <translation>Please check whether your ticket came out below. If it did not, or only in part, press Print again: your number is valid.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="573"/>
        <source>The ticket could not be printed ({reason}). Your number is valid: please remember it, or press Print again.</source>
        <translation>The ticket could not be printed ({reason}). Your number is valid: please remember it, or press Print again.</translation>
    </message>
</context>
<context>
    <name>LicenceBox</name>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="57"/>
        <source>查证照</source>
        <translation>Find e-licence</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="58"/>
        <source>Look up the applicant&apos;s e-licence for this material</source>
        <translation>Look up the applicant&apos;s e-licence for this material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="59"/>
        <source>Use this licence</source>
        <translation>Use this licence</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="101"/>
        <source>Enter the applicant&apos;s ID number or credit code first.</source>
        <translation>Enter the applicant&apos;s ID number or credit code first.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="106"/>
        <source>Looking up e-licences…</source>
        <translation>Looking up e-licences…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="123"/>
        <source>No e-licence of this type in the registry: the material is needed.</source>
        <translation>No e-licence of this type in the registry: the material is needed.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="126"/>
        <source>Choose the licence that replaces %1.</source>
        <translation>Choose the licence that replaces %1.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="155"/>
        <source>Fetching the licence&apos;s PDF copy…</source>
        <translation>Fetching the licence&apos;s PDF copy…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="168"/>
        <source>免提交: %1 %2 (%3)</source>
        <translation>No paper needed: %1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="171"/>
        <source>— no PDF copy could be kept.</source>
        <translation>— no PDF copy could be kept.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="178"/>
        <source>The e-licence lookup failed; see the log.</source>
        <translation>The e-licence lookup failed; see the log.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="181"/>
        <source>no end</source>
        <translation>no end</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="189"/>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="190"/>
        <source>revoked: it cannot replace the material</source>
        <translation>revoked: it cannot replace the material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="191"/>
        <source>expired: it cannot replace the material</source>
        <translation>expired: it cannot replace the material</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="196"/>
        <source>E-licences could not be checked (%1). Type the licence number in the E-licence column: it is accepted as to verify (待核验) and verified on the next sync.</source>
        <translation>E-licences could not be checked (%1). Type the licence number in the E-licence column: it is accepted as to verify (待核验) and verified on the next sync.</translation>
    </message>
</context>
<context>
    <name>LicenceFailures</name>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="26"/>
        <source>not in the registry</source>
        <translation>not in the registry</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="27"/>
        <source>revoked by its issuer</source>
        <translation>revoked by its issuer</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="28"/>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="29"/>
        <source>held by someone else</source>
        <translation>held by someone else</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="45"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="49"/>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="53"/>
        <source>Licence number</source>
        <translation>Licence number</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="57"/>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="61"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="65"/>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="99"/>
        <source>The screen is locked</source>
        <translation>The screen is locked</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="103"/>
        <source>Signed in: {name}</source>
        <translation>Signed in: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="106"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="108"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="111"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="64"/>
        <source>OneWindow — Sign in</source>
        <translation>OneWindow — Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="77"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="78"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="85"/>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="86"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="87"/>
        <source>&amp;Window number:</source>
        <translation>&amp;Window number:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="97"/>
        <source>Please enter your username.</source>
        <translation>Please enter your username.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="103"/>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="139"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>The database cannot be reached. Please try again.</translation>
    </message>
</context>
<context>
    <name>LoginFailure</name>
    <message>
        <location filename="../../ui/i18n.py" line="165"/>
        <source>Too many failed attempts: this account is locked until %1. A supervisor or administrator can unlock it sooner.</source>
        <translation>Too many failed attempts: this account is locked until %1. A supervisor or administrator can unlock it sooner.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="171"/>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="174"/>
        <source>This account is disabled. Please contact the administrator.</source>
        <translation>This account is disabled. Please contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="177"/>
        <source>Your password has expired. Please choose a new one.</source>
        <translation>Your password has expired. Please choose a new one.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="180"/>
        <source>The administrator set this password. Please choose your own.</source>
        <translation>The administrator set this password. Please choose your own.</translation>
    </message>
</context>
<context>
    <name>OutboxItemsModel</name>
    <message>
        <location filename="../../ui/sync/items_model.py" line="27"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/sync/items_model.py" line="31"/>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location filename="../../ui/sync/items_model.py" line="35"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/sync/items_model.py" line="39"/>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../ui/sync/items_model.py" line="43"/>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../ui/sync/items_model.py" line="47"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="13"/>
        <source>Nobody is waiting for this window&apos;s services.</source>
        <translation>Nobody is waiting for this window&apos;s services.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="16"/>
        <source>Called {number}.</source>
        <translation>Called {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="21"/>
        <source>{number} was recalled too often and is now a no-show.</source>
        <translation>{number} was recalled too often and is now a no-show.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="25"/>
        <source>Recalled {number}.</source>
        <translation>Recalled {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="30"/>
        <source>{number} did not come: marked as a no-show.</source>
        <translation>{number} did not come: marked as a no-show.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="35"/>
        <source>Serving {number}.</source>
        <translation>Serving {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="39"/>
        <source>{number} is done.</source>
        <translation>{number} is done.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="43"/>
        <source>{number} transferred to {target}.</source>
        <translation>{number} transferred to {target}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="49"/>
        <source>{number} parked; it can be called again in {minutes} min.</source>
        <translation>{number} parked; it can be called again in {minutes} min.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="56"/>
        <source>Service paused: {reason}.</source>
        <translation>Service paused: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="60"/>
        <source>Service resumed.</source>
        <translation>Service resumed.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="67"/>
        <source>Supervisor override</source>
        <translation>Supervisor override</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="83"/>
        <source>Supervisor &amp;username</source>
        <translation>Supervisor &amp;username</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="84"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="85"/>
        <source>&amp;Reason (recorded)</source>
        <translation>&amp;Reason (recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="91"/>
        <source>The check character of this number does not compute. A supervisor may let a real card or code through after checking the original.</source>
        <translation>The check character of this number does not compute. A supervisor may let a real card or code through after checking the original.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="139"/>
        <source>Only a wrong check character can be overridden; this number has another fault.</source>
        <translation>Only a wrong check character can be overridden; this number has another fault.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="141"/>
        <source>Please give the reason for the override.</source>
        <translation>Please give the reason for the override.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="142"/>
        <source>The reason is too long.</source>
        <translation>The reason is too long.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="143"/>
        <source>This number passes every check.</source>
        <translation>This number passes every check.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="160"/>
        <source>Only a supervisor or administrator may do this.</source>
        <translation>Only a supervisor or administrator may do this.</translation>
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
    <name>PaperBar</name>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="75"/>
        <source>Pre&amp;view before printing</source>
        <translation>Pre&amp;view before printing</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="79"/>
        <source>Ask the applicant to &amp;sign</source>
        <translation>Ask the applicant to &amp;sign</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="89"/>
        <source>Re&amp;print</source>
        <translation>Re&amp;print</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="119"/>
        <source>Preparing the paper…</source>
        <translation>Preparing the paper…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="138"/>
        <source>Preview open: print from there, or Reprint later.</source>
        <translation>Preview open: print from there, or Reprint later.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="153"/>
        <source>Waiting for the applicant&apos;s signature…</source>
        <translation>Waiting for the applicant&apos;s signature…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="167"/>
        <source>Not signed: the paper was not printed. Press Reprint to try again.</source>
        <translation>Not signed: the paper was not printed. Press Reprint to try again.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="181"/>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="189"/>
        <source>The decision is saved.</source>
        <translation>The decision is saved.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="194"/>
        <source>Printed for case {case}.</source>
        <translation>Printed for case {case}.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="204"/>
        <location filename="../../ui/intake/paper_bar.py" line="224"/>
        <source>Printing failed ({reason}); the decision is saved. Press Reprint.</source>
        <translation>Printing failed ({reason}); the decision is saved. Press Reprint.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="218"/>
        <source>unexpected error, see the log</source>
        <translation>unexpected error, see the log</translation>
    </message>
</context>
<context>
    <name>PaperCheck</name>
    <message>
        <location filename="../../ui/printing/paper_check.py" line="41"/>
        <source>Printed &amp;fine</source>
        <translation>Printed &amp;fine</translation>
    </message>
    <message>
        <location filename="../../ui/printing/paper_check.py" line="43"/>
        <source>&amp;Not printed: print again</source>
        <translation>&amp;Not printed: print again</translation>
    </message>
    <message>
        <location filename="../../ui/printing/paper_check.py" line="97"/>
        <source>unexpected error, see the log</source>
        <translation>unexpected error, see the log</translation>
    </message>
</context>
<context>
    <name>PaperSigning</name>
    <message>
        <location filename="../../ui/signature/flow.py" line="88"/>
        <source>the acceptance notice</source>
        <translation>the acceptance notice</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="89"/>
        <source>the one-time notice</source>
        <translation>the one-time notice</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="90"/>
        <source>the deferral notice</source>
        <translation>the deferral notice</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="91"/>
        <source>the refusal notice</source>
        <translation>the refusal notice</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="92"/>
        <source>the commitment letter</source>
        <translation>the commitment letter</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="93"/>
        <source>the handover record</source>
        <translation>the handover record</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="99"/>
        <source>Please sign {paper} in the box below.</source>
        <translation>Please sign {paper} in the box below.</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="114"/>
        <source>unexpected error, see the log</source>
        <translation>unexpected error, see the log</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="121"/>
        <source>The case of this paper is not saved.</source>
        <translation>The case of this paper is not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="123"/>
        <source>This paper is not signed by the applicant.</source>
        <translation>This paper is not signed by the applicant.</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="126"/>
        <source>The signature could not be recorded ({code}).</source>
        <translation>The signature could not be recorded ({code}).</translation>
    </message>
</context>
<context>
    <name>ParkDialog</name>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="118"/>
        <source>Park ticket</source>
        <translation>Park ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="122"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="124"/>
        <source>Back in &amp;minutes:</source>
        <translation>Back in &amp;minutes:</translation>
    </message>
</context>
<context>
    <name>PasswordProblem</name>
    <message>
        <location filename="../../ui/i18n.py" line="196"/>
        <source>It must have at least %1 characters.</source>
        <translation>It must have at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="199"/>
        <source>It may have at most %1 characters.</source>
        <translation>It may have at most %1 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="202"/>
        <source>It contains a control or invisible character.</source>
        <translation>It contains a control or invisible character.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="205"/>
        <source>It must mix at least %1 of: capital letters, small letters, digits, symbols.</source>
        <translation>It must mix at least %1 of: capital letters, small letters, digits, symbols.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="209"/>
        <source>It must not contain your username.</source>
        <translation>It must not contain your username.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="212"/>
        <source>It is on the list of common or leaked passwords.</source>
        <translation>It is on the list of common or leaked passwords.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="215"/>
        <source>It was one of your last %1 passwords.</source>
        <translation>It was one of your last %1 passwords.</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="133"/>
        <source>Pause service</source>
        <translation>Pause service</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="136"/>
        <source>Reason for pausing service:</source>
        <translation>Reason for pausing service:</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="144"/>
        <source>Describe the reason</source>
        <translation>Describe the reason</translation>
    </message>
</context>
<context>
    <name>PauseReason</name>
    <message>
        <location filename="../../ui/i18n.py" line="252"/>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="253"/>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="254"/>
        <source>System fault</source>
        <translation>System fault</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="255"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>PhotoCheckDialog</name>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="101"/>
        <source>Photo check</source>
        <translation>Photo check</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="104"/>
        <source>Take a still from the document camera (F5)</source>
        <translation>Take a still from the document camera (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="111"/>
        <source>Same person, confirm (1)</source>
        <translation>Same person, confirm (1)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="114"/>
        <source>Not the same person (2)</source>
        <translation>Not the same person (2)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="117"/>
        <source>Cannot check (3)</source>
        <translation>Cannot check (3)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="150"/>
        <source>Compare the card photo with the person by eye. The program does not match faces: the judgement is yours.</source>
        <translation>Compare the card photo with the person by eye. The program does not match faces: the judgement is yours.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="156"/>
        <source>Card {number}</source>
        <translation>Card {number}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="157"/>
        <source>Card photo</source>
        <translation>Card photo</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="159"/>
        <source>The person (camera)</source>
        <translation>The person (camera)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="180"/>
        <source>Card photo not available</source>
        <translation>Card photo not available</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="207"/>
        <source>Starting the camera…</source>
        <translation>Starting the camera…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="221"/>
        <source>No camera picture: take a still with the document camera.</source>
        <translation>No camera picture: take a still with the document camera.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="225"/>
        <source>No camera here: compare with the person at the counter.</source>
        <translation>No camera here: compare with the person at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="232"/>
        <source>Waiting for the document camera&apos;s picture…</source>
        <translation>Waiting for the document camera&apos;s picture…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="253"/>
        <source>The document camera&apos;s file is not a picture.</source>
        <translation>The document camera&apos;s file is not a picture.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="263"/>
        <source>The document camera&apos;s picture could not be taken.</source>
        <translation>The document camera&apos;s picture could not be taken.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="303"/>
        <source>The check could not be saved; see the log. Try again.</source>
        <translation>The check could not be saved; see the log. Try again.</translation>
    </message>
</context>
<context>
    <name>Pickup</name>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="22"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="23"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="24"/>
        <source>Supplement requested</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="35"/>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="39"/>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="43"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="46"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="50"/>
        <source>Certificate number</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="54"/>
        <source>Promised by</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="58"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="64"/>
        <source>Deferred materials</source>
        <translation>Deferred materials</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="59"/>
        <source>{n} days</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="13"/>
        <source>A deferred material has not arrived yet ({materials}). The certificate is released only when every deferred material is in.</source>
        <translation>A deferred material has not arrived yet ({materials}). The certificate is released only when every deferred material is in.</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="19"/>
        <source>This case is not in the hall&apos;s records.</source>
        <translation>This case is not in the hall&apos;s records.</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="22"/>
        <source>There is nothing to hand over: the back office has not approved this case.</source>
        <translation>There is nothing to hand over: the back office has not approved this case.</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="25"/>
        <source>The central system has not numbered this certificate yet. Synchronise and try again.</source>
        <translation>The central system has not numbered this certificate yet. Synchronise and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="29"/>
        <source>This certificate has already been handed over; it cannot be handed over twice.</source>
        <translation>This certificate has already been handed over; it cannot be handed over twice.</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="33"/>
        <source>This ID number is neither the applicant&apos;s nor the case agent&apos;s. An agent must show an authorisation letter: enter its reference.</source>
        <translation>This ID number is neither the applicant&apos;s nor the case agent&apos;s. An agent must show an authorisation letter: enter its reference.</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="38"/>
        <source>The ID number is not a valid resident ID number. Check it and type it again.</source>
        <translation>The ID number is not a valid resident ID number. Check it and type it again.</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="41"/>
        <source>Enter the courier and the tracking number.</source>
        <translation>Enter the courier and the tracking number.</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="44"/>
        <source>This material is not deferred in this case.</source>
        <translation>This material is not deferred in this case.</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="47"/>
        <source>This paper has never been printed.</source>
        <translation>This paper has never been printed.</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="50"/>
        <source>This result has not been handed over: there is no handover record yet.</source>
        <translation>This result has not been handed over: there is no handover record yet.</translation>
    </message>
</context>
<context>
    <name>PickupPanel</name>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="82"/>
        <source>Case number, applicant name, certificate number or ID number</source>
        <translation>Case number, applicant name, certificate number or ID number</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="91"/>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="142"/>
        <source>&amp;Print certificate / notice</source>
        <translation>&amp;Print certificate / notice</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="144"/>
        <source>&amp;Hand over…</source>
        <translation>&amp;Hand over…</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="112"/>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="109"/>
        <source>The recipient si&amp;gns on the pad</source>
        <translation>The recipient si&amp;gns on the pad</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="146"/>
        <source>Print handover &amp;record</source>
        <translation>Print handover &amp;record</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/results/pickup_panel.py" line="174"/>
        <source>%n decision(s) waiting</source>
        <translation>
            <numerusform>%n decision waiting</numerusform>
            <numerusform>%n decisions waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="176"/>
        <source>No decisions are waiting.</source>
        <translation>No decisions are waiting.</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="200"/>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="214"/>
        <source>The paper did not print ({reason}). Please try again.</source>
        <translation>The paper did not print ({reason}). Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="217"/>
        <source>Printed again, marked COPY.</source>
        <translation>Printed again, marked COPY.</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="217"/>
        <source>Printed.</source>
        <translation>Printed.</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="234"/>
        <source>{case}: mailed, recorded.</source>
        <translation>{case}: mailed, recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="236"/>
        <source>{case}: handed over to {name}, recorded.</source>
        <translation>{case}: handed over to {name}, recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="277"/>
        <source>Waiting for the recipient&apos;s signature…</source>
        <translation>Waiting for the recipient&apos;s signature…</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="300"/>
        <source>Not signed: the handover is recorded, its record was not printed. Press Print handover record to ask again.</source>
        <translation>Not signed: the handover is recorded, its record was not printed. Press Print handover record to ask again.</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="310"/>
        <source>{done} The handover record is printed.</source>
        <translation>{done} The handover record is printed.</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="314"/>
        <source>{case}: the handover is recorded, but its record did not print ({reason}). Press Print handover record.</source>
        <translation>{case}: the handover is recorded, but its record did not print ({reason}). Press Print handover record.</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="291"/>
        <location filename="../../ui/results/pickup_panel.py" line="323"/>
        <source>The handover is recorded, but its record did not print ({reason}). Press Print handover record.</source>
        <translation>The handover is recorded, but its record did not print ({reason}). Press Print handover record.</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="335"/>
        <source>The operation failed. Please try again.</source>
        <translation>The operation failed. Please try again.</translation>
    </message>
</context>
<context>
    <name>PrintJobText</name>
    <message>
        <location filename="../../ui/printing/job_text.py" line="14"/>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="15"/>
        <source>printed</source>
        <translation>printed</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="16"/>
        <source>not confirmed</source>
        <translation>not confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="17"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="23"/>
        <source>the printer is offline</source>
        <translation>the printer is offline</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="26"/>
        <source>the cover is open</source>
        <translation>the cover is open</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="29"/>
        <source>the paper has run out</source>
        <translation>the paper has run out</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="32"/>
        <source>the paper roll is nearly used up</source>
        <translation>the paper roll is nearly used up</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="35"/>
        <source>paper is being fed with the button</source>
        <translation>paper is being fed with the button</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="38"/>
        <source>the printer stopped with an error</source>
        <translation>the printer stopped with an error</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="41"/>
        <source>a mechanical error (e.g. a paper jam)</source>
        <translation>a mechanical error (e.g. a paper jam)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="44"/>
        <source>the cutter is jammed</source>
        <translation>the cutter is jammed</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="47"/>
        <source>a fault that needs service</source>
        <translation>a fault that needs service</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="50"/>
        <source>the print head is too hot and waits to cool down</source>
        <translation>the print head is too hot and waits to cool down</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="60"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="63"/>
        <source>the connection to the printer broke off during the job</source>
        <translation>the connection to the printer broke off during the job</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="67"/>
        <source>the printer did not answer after the job</source>
        <translation>the printer did not answer after the job</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="71"/>
        <source>the print system did not answer in time</source>
        <translation>the print system did not answer in time</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="77"/>
        <source>The printer did not confirm this paper ({why}). Please look at the printer: did the whole paper come out?</source>
        <translation>The printer did not confirm this paper ({why}). Please look at the printer: did the whole paper come out?</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="87"/>
        <source>The ticket printer&apos;s paper roll is nearly used up: load a new one soon.</source>
        <translation>The ticket printer&apos;s paper roll is nearly used up: load a new one soon.</translation>
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
    <name>RatingReasons</name>
    <message>
        <location filename="../../ui/rating_reasons.py" line="13"/>
        <source>Long wait</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="14"/>
        <source>Slow handling</source>
        <translation>Slow handling</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="15"/>
        <source>Unfriendly attitude</source>
        <translation>Unfriendly attitude</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="16"/>
        <source>Not told everything at once</source>
        <translation>Not told everything at once</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="19"/>
        <source>Too many materials asked</source>
        <translation>Too many materials asked</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="22"/>
        <source>Had to come several times</source>
        <translation>Had to come several times</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="25"/>
        <source>System fault</source>
        <translation>System fault</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="26"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="35"/>
        <source>“{words}”</source>
        <translation>“{words}”</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <location filename="../../ui/applicant/rating.py" line="85"/>
        <source>Welcome. Please rate our service when it is finished.</source>
        <translation>Welcome. Please rate our service when it is finished.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="86"/>
        <source>Thank you for your rating.</source>
        <translation>Thank you for your rating.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="89"/>
        <location filename="../../ui/applicant/rating.py" line="106"/>
        <location filename="../../ui/applicant/rating.py" line="197"/>
        <location filename="../../ui/applicant/rating.py" line="243"/>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="94"/>
        <source>We are sorry. What was not satisfactory? Please tick at least one.</source>
        <translation>We are sorry. What was not satisfactory? Please tick at least one.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="101"/>
        <source>In a few words, if you wish (no phone or ID numbers)</source>
        <translation>In a few words, if you wish (no phone or ID numbers)</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="104"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="116"/>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="117"/>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="118"/>
        <source>Basically satisfied</source>
        <translation>Basically satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="119"/>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="120"/>
        <source>Very dissatisfied</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="125"/>
        <source>Overall</source>
        <translation>Overall</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="126"/>
        <source>Efficiency</source>
        <translation>Efficiency</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="127"/>
        <source>Competence</source>
        <translation>Competence</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="128"/>
        <source>Attitude</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="197"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="228"/>
        <source>Ticket {number}: how was the service of {clerk}?</source>
        <translation>Ticket {number}: how was the service of {clerk}?</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="259"/>
        <location filename="../../ui/applicant/rating.py" line="303"/>
        <source>Please tick at least one reason.</source>
        <translation>Please tick at least one reason.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="292"/>
        <source>The rating could not be saved. Please try again.</source>
        <translation>The rating could not be saved. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="299"/>
        <source>The window&apos;s clerk cannot submit a rating: this screen is the applicant&apos;s.</source>
        <translation>The window&apos;s clerk cannot submit a rating: this screen is the applicant&apos;s.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="301"/>
        <source>This service has already been rated.</source>
        <translation>This service has already been rated.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="302"/>
        <source>Please choose a level for every item.</source>
        <translation>Please choose a level for every item.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="305"/>
        <source>These words cannot be kept: please shorten them or leave out unusual characters.</source>
        <translation>These words cannot be kept: please shorten them or leave out unusual characters.</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="308"/>
        <source>The rating was refused ({code}).</source>
        <translation>The rating was refused ({code}).</translation>
    </message>
</context>
<context>
    <name>RecentCallsModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="70"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="75"/>
        <source>Window</source>
        <translation>Window</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../ui/i18n.py" line="91"/>
        <source>This service does not exist.</source>
        <translation>This service does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="94"/>
        <source>This service is not offered now.</source>
        <translation>This service is not offered now.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="97"/>
        <source>There is no window with this number.</source>
        <translation>There is no window with this number.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="100"/>
        <source>There is no ticket with this number today.</source>
        <translation>There is no ticket with this number today.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="103"/>
        <source>The window is closed.</source>
        <translation>The window is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="104"/>
        <source>Service is paused at this window.</source>
        <translation>Service is paused at this window.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="107"/>
        <source>The window already has a ticket: finish, skip or park it first.</source>
        <translation>The window already has a ticket: finish, skip or park it first.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="110"/>
        <source>The window has no current ticket.</source>
        <translation>The window has no current ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="113"/>
        <source>The ticket&apos;s state does not allow this.</source>
        <translation>The ticket&apos;s state does not allow this.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="116"/>
        <source>The hall is closed now.</source>
        <translation>The hall is closed now.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="117"/>
        <source>No more tickets today: past the cut-off time.</source>
        <translation>No more tickets today: past the cut-off time.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="120"/>
        <source>No more tickets today: the daily limit is reached.</source>
        <translation>No more tickets today: the daily limit is reached.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="123"/>
        <source>This window does not serve that service.</source>
        <translation>This window does not serve that service.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="126"/>
        <source>The no-show grace period has passed.</source>
        <translation>The no-show grace period has passed.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="129"/>
        <source>The request is not valid.</source>
        <translation>The request is not valid.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="132"/>
        <source>No appointment has this code. Please check the code or ask at the desk.</source>
        <translation>No appointment has this code. Please check the code or ask at the desk.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="135"/>
        <source>This appointment is for another day.</source>
        <translation>This appointment is for another day.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="138"/>
        <source>This appointment has already been checked in.</source>
        <translation>This appointment has already been checked in.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="141"/>
        <source>This appointment was cancelled.</source>
        <translation>This appointment was cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="144"/>
        <source>Too early to check in for this appointment.</source>
        <translation>Too early to check in for this appointment.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="147"/>
        <source>Too late: this appointment&apos;s time and grace period are over.</source>
        <translation>Too late: this appointment&apos;s time and grace period are over.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="150"/>
        <source>This appointment is for another service.</source>
        <translation>This appointment is for another service.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="153"/>
        <source>No appointment today in this hall for this ID card.</source>
        <translation>No appointment today in this hall for this ID card.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="156"/>
        <source>Only a supervisor or administrator may do this.</source>
        <translation>Only a supervisor or administrator may do this.</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="125"/>
        <source>Refuse the application</source>
        <translation>Refuse the application</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="133"/>
        <source>&amp;Ground</source>
        <translation>&amp;Ground</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="134"/>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="135"/>
        <source>&amp;Competent agency</source>
        <translation>&amp;Competent agency</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="138"/>
        <source>The notice states the relief rights: reconsideration within 60 days, a lawsuit within 6 months.</source>
        <translation>The notice states the relief rights: reconsideration within 60 days, a lawsuit within 6 months.</translation>
    </message>
</context>
<context>
    <name>ScanMessages</name>
    <message>
        <location filename="../../ui/scans/messages.py" line="18"/>
        <source>a JPEG picture</source>
        <translation>a JPEG picture</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="19"/>
        <source>a PNG picture</source>
        <translation>a PNG picture</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="20"/>
        <source>a TIFF picture</source>
        <translation>a TIFF picture</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="21"/>
        <source>a BMP picture</source>
        <translation>a BMP picture</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="22"/>
        <source>a PDF document</source>
        <translation>a PDF document</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="23"/>
        <source>a GIF animation</source>
        <translation>a GIF animation</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="24"/>
        <source>a WebP picture</source>
        <translation>a WebP picture</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="25"/>
        <source>a HEIC/HEIF phone photo</source>
        <translation>a HEIC/HEIF phone photo</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="26"/>
        <source>a video</source>
        <translation>a video</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="27"/>
        <source>a Windows executable program</source>
        <translation>a Windows executable program</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="30"/>
        <source>a Linux executable program</source>
        <translation>a Linux executable program</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="33"/>
        <source>a macOS executable program</source>
        <translation>a macOS executable program</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="36"/>
        <source>a script</source>
        <translation>a script</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="37"/>
        <source>a ZIP archive (or an Office or OFD document)</source>
        <translation>a ZIP archive (or an Office or OFD document)</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="40"/>
        <source>a RAR archive</source>
        <translation>a RAR archive</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="41"/>
        <source>a 7-Zip archive</source>
        <translation>a 7-Zip archive</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="42"/>
        <source>a gzip archive</source>
        <translation>a gzip archive</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="43"/>
        <source>an old Office document (.doc, .xls)</source>
        <translation>an old Office document (.doc, .xls)</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="46"/>
        <source>an RTF document</source>
        <translation>an RTF document</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="47"/>
        <source>a PostScript file</source>
        <translation>a PostScript file</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="48"/>
        <source>a web page</source>
        <translation>a web page</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="49"/>
        <source>an XML or SVG file</source>
        <translation>an XML or SVG file</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="50"/>
        <source>an empty file</source>
        <translation>an empty file</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="51"/>
        <source>of an unknown type</source>
        <translation>of an unknown type</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="68"/>
        <source>The file could not be read.</source>
        <translation>The file could not be read.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="71"/>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="72"/>
        <source>The file is too large: {size} MB, at most {limit} MB.</source>
        <translation>The file is too large: {size} MB, at most {limit} MB.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="75"/>
        <source>This file is {kind}, not a scan: only JPEG, PNG, TIFF, BMP and PDF are taken.</source>
        <translation>This file is {kind}, not a scan: only JPEG, PNG, TIFF, BMP and PDF are taken.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="79"/>
        <source>The file has {pages} pages, at most {limit} are taken at once.</source>
        <translation>The file has {pages} pages, at most {limit} are taken at once.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="83"/>
        <source>The PDF is protected by a password: ask for an unprotected copy.</source>
        <translation>The PDF is protected by a password: ask for an unprotected copy.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="86"/>
        <source>The file is damaged or incomplete and cannot be opened.</source>
        <translation>The file is damaged or incomplete and cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="89"/>
        <source>The resolution is {dpi} dpi; at least {limit} dpi is needed. Scan it again.</source>
        <translation>The resolution is {dpi} dpi; at least {limit} dpi is needed. Scan it again.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="100"/>
        <source>The picture declares more than the {limit} million pixels allowed (a damaged or malicious file).</source>
        <translation>The picture declares more than the {limit} million pixels allowed (a damaged or malicious file).</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="105"/>
        <source>The picture declares {width} × {height} pixels, more than the {limit} million allowed (a damaged or malicious file).</source>
        <translation>The picture declares {width} × {height} pixels, more than the {limit} million allowed (a damaged or malicious file).</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="116"/>
        <source>{file}, page {page}: {reason}</source>
        <translation>{file}, page {page}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="119"/>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="126"/>
        <source>Scanning is not installed on this PC (SANE&apos;s scanimage is missing).</source>
        <translation>Scanning is not installed on this PC (SANE&apos;s scanimage is missing).</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="129"/>
        <source>The scanner was not found. Is it switched on and connected?</source>
        <translation>The scanner was not found. Is it switched on and connected?</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="132"/>
        <source>The scanner is busy with another program.</source>
        <translation>The scanner is busy with another program.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="135"/>
        <source>The document feeder is empty.</source>
        <translation>The document feeder is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="138"/>
        <source>Paper jam: clear the feeder and scan the rest again.</source>
        <translation>Paper jam: clear the feeder and scan the rest again.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="141"/>
        <source>The scanner cover is open.</source>
        <translation>The scanner cover is open.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="144"/>
        <source>The scanner reported an error.</source>
        <translation>The scanner reported an error.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="155"/>
        <source>No document camera matching {name} is connected ([scanner] camera). Other sources still work.</source>
        <translation>No document camera matching {name} is connected ([scanner] camera). Other sources still work.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="161"/>
        <source>The document camera cannot work here: Qt Multimedia is not installed. Other sources still work.</source>
        <translation>The document camera cannot work here: Qt Multimedia is not installed. Other sources still work.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="166"/>
        <source>No document camera is connected to this PC. Other sources still work.</source>
        <translation>No document camera is connected to this PC. Other sources still work.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="170"/>
        <source>The document camera stopped (unplugged or used by another program). Reconnect it and take the picture again; other sources still work.</source>
        <translation>The document camera stopped (unplugged or used by another program). Reconnect it and take the picture again; other sources still work.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="175"/>
        <source>The document camera did not get ready; take the picture again.</source>
        <translation>The document camera did not get ready; take the picture again.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="178"/>
        <source>The camera could not take a picture; try again.</source>
        <translation>The camera could not take a picture; try again.</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../ui/scans/panel.py" line="111"/>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="114"/>
        <source>Import files…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="116"/>
        <source>Watch scan folder</source>
        <translation>Watch scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="121"/>
        <source>Take from camera</source>
        <translation>Take from camera</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="128"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="175"/>
        <source>Assign to material</source>
        <translation>Assign to material</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="177"/>
        <source>Move earlier</source>
        <translation>Move earlier</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="179"/>
        <source>Move later</source>
        <translation>Move later</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="181"/>
        <source>Not blank: keep</source>
        <translation>Not blank: keep</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="183"/>
        <source>Remove page</source>
        <translation>Remove page</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="200"/>
        <source>Refused files</source>
        <translation>Refused files</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="228"/>
        <source>Not assigned</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="248"/>
        <source>Taking a picture with the camera…</source>
        <translation>Taking a picture with the camera…</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="261"/>
        <source>Starting the camera…</source>
        <translation>Starting the camera…</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="308"/>
        <source>Import scanned pages</source>
        <translation>Import scanned pages</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="310"/>
        <source>Scans (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
        <translation>Scans (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="355"/>
        <source>Stopped: %n page(s) taken before cancelling.</source>
        <translation>
            <numerusform>Stopped: %n page taken before cancelling.</numerusform>
            <numerusform>Stopped: %n pages taken before cancelling.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="358"/>
        <source>%n page(s) taken</source>
        <translation>
            <numerusform>%n page taken</numerusform>
            <numerusform>%n pages taken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="359"/>
        <source>, %n file(s) refused</source>
        <translation>
            <numerusform>, %n file refused</numerusform>
            <numerusform>, %n files refused</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="376"/>
        <source>The disk of this PC is full: the last page was not saved (the pages listed are safe). Ask for space to be freed, then scan or import it again.</source>
        <translation>The disk of this PC is full: the last page was not saved (the pages listed are safe). Ask for space to be freed, then scan or import it again.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="382"/>
        <source>Scanning failed unexpectedly; see the log.</source>
        <translation>Scanning failed unexpectedly; see the log.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="430"/>
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
        <location filename="../../ui/screens.py" line="93"/>
        <source>This screen signs in with a device account: set [device] user and password in the config file.</source>
        <translation>This screen signs in with a device account: set [device] user and password in the config file.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="99"/>
        <source>A rating screen belongs to a window: start it with --window N.</source>
        <translation>A rating screen belongs to a window: start it with --window N.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="107"/>
        <source>No ticket printer is configured for this kiosk.</source>
        <translation>No ticket printer is configured for this kiosk.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="163"/>
        <location filename="../../ui/screens.py" line="175"/>
        <source>OneWindow</source>
        <translation>OneWindow</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="172"/>
        <source>The screen cannot start: {error}</source>
        <translation>The screen cannot start: {error}</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="224"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="254"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>The database cannot be reached. Please try again.</translation>
    </message>
</context>
<context>
    <name>ServiceTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="114"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="118"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="122"/>
        <source>Longest wait</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="126"/>
        <source>Avg wait today</source>
        <translation>Avg wait today</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="130"/>
        <source>Estimated wait</source>
        <translation>Estimated wait</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="134"/>
        <source>Open windows</source>
        <translation>Open windows</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="153"/>
        <source>no open window</source>
        <translation>no open window</translation>
    </message>
</context>
<context>
    <name>SessionMenu</name>
    <message>
        <location filename="../../ui/session_menu.py" line="15"/>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../ui/session_menu.py" line="19"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location filename="../../ui/session_menu.py" line="26"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/signature/pad.py" line="75"/>
        <source>Signature pad</source>
        <translation>Signature pad</translation>
    </message>
    <message>
        <location filename="../../ui/signature/pad.py" line="237"/>
        <source>Sign here</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <location filename="../../ui/signature/dialog.py" line="23"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../ui/signature/dialog.py" line="30"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../ui/applicant/signing_page.py" line="20"/>
        <source>Please sign</source>
        <translation>Please sign</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/signing_page.py" line="21"/>
        <source>Please check the paper and sign where the clerk shows you.</source>
        <translation>Please check the paper and sign where the clerk shows you.</translation>
    </message>
</context>
<context>
    <name>SigningPanel</name>
    <message>
        <location filename="../../ui/signature/panel.py" line="42"/>
        <source>Please sign in the box below.</source>
        <translation>Please sign in the box below.</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="51"/>
        <source>&amp;Clear</source>
        <translation>&amp;Clear</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="54"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="57"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="59"/>
        <source>C&amp;onfirm signature</source>
        <translation>C&amp;onfirm signature</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="28"/>
        <source>Nothing is signed yet: please sign in the box.</source>
        <translation>Nothing is signed yet: please sign in the box.</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="31"/>
        <source>That is too little to be a signature: please sign your full name.</source>
        <translation>That is too little to be a signature: please sign your full name.</translation>
    </message>
</context>
<context>
    <name>SmsStatus</name>
    <message>
        <location filename="../../ui/sms_status.py" line="14"/>
        <source>SMS: not subscribed</source>
        <translation>SMS: not subscribed</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="16"/>
        <source>SMS: subscribed, not due yet</source>
        <translation>SMS: subscribed, not due yet</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="17"/>
        <source>SMS: waiting to be sent</source>
        <translation>SMS: waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="18"/>
        <source>SMS: sent</source>
        <translation>SMS: sent</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="19"/>
        <source>SMS: delivered</source>
        <translation>SMS: delivered</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="20"/>
        <source>SMS: sending failed</source>
        <translation>SMS: sending failed</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="21"/>
        <source>SMS: not sent (called before it was due)</source>
        <translation>SMS: not sent (called before it was due)</translation>
    </message>
</context>
<context>
    <name>Supervisor</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="27"/>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
</context>
<context>
    <name>SupervisorDashboard</name>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="121"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="122"/>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="123"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="146"/>
        <source>Open window</source>
        <translation>Open window</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="147"/>
        <source>Close window</source>
        <translation>Close window</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="148"/>
        <source>Services…</source>
        <translation>Services…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="157"/>
        <source>Ticket number, e.g. A012</source>
        <translation>Ticket number, e.g. A012</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="159"/>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="160"/>
        <source>Cancel ticket</source>
        <translation>Cancel ticket</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="161"/>
        <source>Prioritise</source>
        <translation>Prioritise</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="164"/>
        <source>{number} cancelled.</source>
        <translation>{number} cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="168"/>
        <source>{number} moved to the priority class.</source>
        <translation>{number} moved to the priority class.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="172"/>
        <source>Ticket:</source>
        <translation>Ticket:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="178"/>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="181"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="184"/>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="187"/>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="189"/>
        <source>The applicant has been contacted about the material; clear the alert</source>
        <translation>The applicant has been contacted about the material; clear the alert</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="192"/>
        <source>E-licence numbers not confirmed by the registry</source>
        <translation>E-licence numbers not confirmed by the registry</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="206"/>
        <source>Blue: today. Grey: the same weekday last week.</source>
        <translation>Blue: today. Grey: the same weekday last week.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="208"/>
        <source>Arrivals per hour</source>
        <translation>Arrivals per hour</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="210"/>
        <source>Average wait per hour of arrival (minutes)</source>
        <translation>Average wait per hour of arrival (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="223"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="224"/>
        <source>Export XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="227"/>
        <source>Daily report PDF for the “To” day…</source>
        <translation>Daily report PDF for the “To” day…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="230"/>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="231"/>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="265"/>
        <source>E-licence numbers not confirmed by the registry ({n})</source>
        <translation>E-licence numbers not confirmed by the registry ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="278"/>
        <source>The queue cannot be read. Please check the network.</source>
        <translation>The queue cannot be read. Please check the network.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="317"/>
        <source>Select a failed e-licence verification first.</source>
        <translation>Select a failed e-licence verification first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="323"/>
        <source>Acknowledged: {case}, {material}.</source>
        <translation>Acknowledged: {case}, {material}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="333"/>
        <source>Only a supervisor can acknowledge it.</source>
        <translation>Only a supervisor can acknowledge it.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="342"/>
        <location filename="../../ui/supervisor/dashboard.py" line="349"/>
        <source>Select a window first.</source>
        <translation>Select a window first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="344"/>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="364"/>
        <source>The window&apos;s services are changed.</source>
        <translation>The window&apos;s services are changed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="370"/>
        <source>Enter a ticket number first.</source>
        <translation>Enter a ticket number first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="397"/>
        <source>{number} transferred.</source>
        <translation>{number} transferred.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="405"/>
        <source>The operation failed. Please try again.</source>
        <translation>The operation failed. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="414"/>
        <source>Export statistics</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="418"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="419"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="420"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="450"/>
        <source>Statistics saved to {path}.</source>
        <translation>Statistics saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="473"/>
        <source>Daily report saved to {path}.</source>
        <translation>Daily report saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="484"/>
        <source>The statistics could not be saved: {error}</source>
        <translation>The statistics could not be saved: {error}</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="49"/>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="50"/>
        <source>&amp;Figures and ratings</source>
        <translation>&amp;Figures and ratings</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="55"/>
        <source>OneWindow supervisor — {hall}</source>
        <translation>OneWindow supervisor — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="57"/>
        <source>Signed in as {name}</source>
        <translation>Signed in as {name}</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/sync/indicator.py" line="27"/>
        <source>Sync status</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="30"/>
        <source>Sync: …</source>
        <translation>Sync: …</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="36"/>
        <source>{n} to send</source>
        <translation>{n} to send</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="38"/>
        <source>{n} need attention</source>
        <translation>{n} need attention</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="42"/>
        <source>{n} e-licences not confirmed</source>
        <translation>{n} e-licences not confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="45"/>
        <source>never synced</source>
        <translation>never synced</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="48"/>
        <source>last sync {time}</source>
        <translation>last sync {time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="53"/>
        <source>Open the sync panel (Ctrl+Shift+Y)</source>
        <translation>Open the sync panel (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="55"/>
        <source>Central server: {url}</source>
        <translation>Central server: {url}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="58"/>
        <source>Last error: {error}</source>
        <translation>Last error: {error}</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../ui/sync/panel.py" line="61"/>
        <source>Sync with the central server</source>
        <translation>Sync with the central server</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="82"/>
        <source>&amp;Open case</source>
        <translation>&amp;Open case</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="88"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="89"/>
        <source>&amp;Retry selected</source>
        <translation>&amp;Retry selected</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="112"/>
        <source>Connection:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="113"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="114"/>
        <source>Outbox:</source>
        <translation>Outbox:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="115"/>
        <source>Last successful sync:</source>
        <translation>Last successful sync:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="116"/>
        <source>Clock:</source>
        <translation>Clock:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="117"/>
        <source>Last error:</source>
        <translation>Last error:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="118"/>
        <source>&amp;Waiting</source>
        <translation>&amp;Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="119"/>
        <source>&amp;Failed</source>
        <translation>&amp;Failed</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="125"/>
        <source>The server rejected these operations or they conflict with what it holds; only their own cases wait. Fix the cause, then retry the operation.</source>
        <translation>The server rejected these operations or they conflict with what it holds; only their own cases wait. Fix the cause, then retry the operation.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="132"/>
        <source>&amp;Needs attention</source>
        <translation>&amp;Needs attention</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="138"/>
        <source>The registry did not confirm these e-licence numbers typed at intake (待核验). The material no longer counts as replaced: open the case and ask the applicant for it. The supervisor has been alerted.</source>
        <translation>The registry did not confirm these e-licence numbers typed at intake (待核验). The material no longer counts as replaced: open the case and ask the applicant for it. The supervisor has been alerted.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="150"/>
        <source>&amp;E-licences</source>
        <translation>&amp;E-licences</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="169"/>
        <source>{pending} to send, {failed} of them failed, {attention} need attention</source>
        <translation>{pending} to send, {failed} of them failed, {attention} need attention</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="174"/>
        <source>in step</source>
        <translation>in step</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="179"/>
        <source>&amp;Waiting ({n})</source>
        <translation>&amp;Waiting ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="181"/>
        <source>&amp;Failed ({n})</source>
        <translation>&amp;Failed ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="182"/>
        <source>&amp;Needs attention ({n})</source>
        <translation>&amp;Needs attention ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="193"/>
        <source>&amp;E-licences not confirmed ({n})</source>
        <translation>&amp;E-licences not confirmed ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="233"/>
        <source>Syncing with the central server…</source>
        <translation>Syncing with the central server…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="238"/>
        <source>Another sync of this hall database is running; try again shortly.</source>
        <translation>Another sync of this hall database is running; try again shortly.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="240"/>
        <source>Waiting before the next attempt; press Sync now to try at once.</source>
        <translation>Waiting before the next attempt; press Sync now to try at once.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="242"/>
        <source>The central server cannot be reached now; the outbox is kept.</source>
        <translation>The central server cannot be reached now; the outbox is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="244"/>
        <source>The server no longer accepts this counter: it must be enrolled again.</source>
        <translation>The server no longer accepts this counter: it must be enrolled again.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="246"/>
        <source>The server needs a newer version of this app; the outbox is kept.</source>
        <translation>The server needs a newer version of this app; the outbox is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="248"/>
        <source>Sync failed: {error}</source>
        <translation>Sync failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="250"/>
        <source>Sent {pushed}, received {pulled} changes.</source>
        <translation>Sent {pushed}, received {pulled} changes.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../ui/sync/status_bar.py" line="38"/>
        <source>Sync &amp;status…</source>
        <translation>Sync &amp;status…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_bar.py" line="41"/>
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_bar.py" line="43"/>
        <source>S&amp;ync</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_bar.py" line="65"/>
        <source>New catalogue version {label} received from the central server; it is in use now.</source>
        <translation>New catalogue version {label} received from the central server; it is in use now.</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <location filename="../../ui/sync/texts.py" line="15"/>
        <source>Not connected to a central server</source>
        <translation>Not connected to a central server</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="18"/>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="19"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="20"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="21"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="28"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="29"/>
        <source>Failed, will retry</source>
        <translation>Failed, will retry</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="30"/>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="37"/>
        <source>Accepted case</source>
        <translation>Accepted case</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="38"/>
        <source>One-time notice</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="39"/>
        <source>Accepted with deferred materials</source>
        <translation>Accepted with deferred materials</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="40"/>
        <source>Refusal</source>
        <translation>Refusal</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="41"/>
        <source>Materials supplemented</source>
        <translation>Materials supplemented</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="44"/>
        <source>Result handed over</source>
        <translation>Result handed over</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="45"/>
        <source>Applicant&apos;s rating</source>
        <translation>Applicant&apos;s rating</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="46"/>
        <source>Rating follow-up</source>
        <translation>Rating follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="53"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="61"/>
        <source>This PC&apos;s clock is {n} min behind the server&apos;s</source>
        <translation>This PC&apos;s clock is {n} min behind the server&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="64"/>
        <source>This PC&apos;s clock is {n} min ahead of the server&apos;s</source>
        <translation>This PC&apos;s clock is {n} min ahead of the server&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="75"/>
        <source>The central server cannot be reached; the app keeps trying.</source>
        <translation>The central server cannot be reached; the app keeps trying.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="78"/>
        <source>The central server refused a request; see the details.</source>
        <translation>The central server refused a request; see the details.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="81"/>
        <source>This PC&apos;s registration was withdrawn by the central server: enrol again.</source>
        <translation>This PC&apos;s registration was withdrawn by the central server: enrol again.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="84"/>
        <source>The central server needs a newer version of this app.</source>
        <translation>The central server needs a newer version of this app.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="87"/>
        <source>The disk is full: what the central server sent could not be saved.</source>
        <translation>The disk is full: what the central server sent could not be saved.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="90"/>
        <source>The central server&apos;s certificate is not trusted: check the hall CA.</source>
        <translation>The central server&apos;s certificate is not trusted: check the hall CA.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="93"/>
        <source>The central server&apos;s address must start with https://.</source>
        <translation>The central server&apos;s address must start with https://.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="96"/>
        <source>The hall CA file in the settings cannot be read.</source>
        <translation>The hall CA file in the settings cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="102"/>
        <source>The last sync failed.</source>
        <translation>The last sync failed.</translation>
    </message>
</context>
<context>
    <name>TicketState</name>
    <message>
        <location filename="../../ui/i18n.py" line="228"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="229"/>
        <source>Called</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="230"/>
        <source>Serving</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="231"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="232"/>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="233"/>
        <source>Parked</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="234"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="223"/>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="28"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="32"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="36"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="39"/>
        <source>Called at</source>
        <translation>Called at</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="43"/>
        <source>Recalls</source>
        <translation>Recalls</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="64"/>
        <source>Transfer ticket</source>
        <translation>Transfer ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="65"/>
        <source>To the queue of a &amp;service</source>
        <translation>To the queue of a &amp;service</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="66"/>
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
    <name>WaitingForSignature</name>
    <message>
        <location filename="../../ui/applicant/signing.py" line="29"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/signing.py" line="33"/>
        <source>Waiting for the applicant to sign {paper} on their screen…</source>
        <translation>Waiting for the applicant to sign {paper} on their screen…</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/signing.py" line="38"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="88"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="92"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>WindowBoardModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="33"/>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="38"/>
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
        <location filename="../../ui/i18n.py" line="241"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="242"/>
        <source>Open, idle</source>
        <translation>Open, idle</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="243"/>
        <source>Calling</source>
        <translation>Calling</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="244"/>
        <source>Serving</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="245"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
</context>
<context>
    <name>WindowTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="53"/>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="56"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="58"/>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="62"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="66"/>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="69"/>
        <source>Served today</source>
        <translation>Served today</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="73"/>
        <source>Avg service</source>
        <translation>Avg service</translation>
    </message>
</context>
</TS>
