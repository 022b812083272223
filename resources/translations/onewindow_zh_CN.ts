<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertKind</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="162"/>
        <source>Long wait</source>
        <translation>等候过长</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="163"/>
        <source>Long pause</source>
        <translation>暂停过长</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="164"/>
        <source>No open window</source>
        <translation>无窗口办理</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="165"/>
        <source>Crowded</source>
        <translation>排队人多</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="172"/>
        <source>longest wait {value} min (limit {limit} min)</source>
        <translation>最长已等 {value} 分钟（上限 {limit} 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="175"/>
        <source>paused for {value} min (limit {limit} min)</source>
        <translation>已暂停 {value} 分钟（上限 {limit} 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="178"/>
        <source>{value} waiting, no open window serves this service</source>
        <translation>{value} 人等候，没有开放的窗口办理此业务</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="181"/>
        <source>{value} waiting (limit {limit})</source>
        <translation>{value} 人等候（上限 {limit} 人）</translation>
    </message>
</context>
<context>
    <name>AlertTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="194"/>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="198"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="202"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="97"/>
        <source>Person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="98"/>
        <source>Company or organisation</source>
        <translation>法人或其他组织</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="100"/>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="101"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="102"/>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="113"/>
        <source>Applying through an agent</source>
        <translation>委托代理人办理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="120"/>
        <source>Supervisor &amp;override…</source>
        <translation>值班长核准(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="127"/>
        <location filename="../../ui/intake/applicant_form.py" line="279"/>
        <source>Read ID card</source>
        <translation>读卡</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="129"/>
        <source>Read the card on the ID-card reader into the form ({key})</source>
        <translation>读取阅读器上的身份证件并填入表单（{key}）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="148"/>
        <location filename="../../ui/intake/applicant_form.py" line="375"/>
        <source>Photo check</source>
        <translation>人证核验</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="163"/>
        <source>Applicant &amp;type</source>
        <translation>申请人类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="164"/>
        <source>I&amp;D type</source>
        <translation>证件类型(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="165"/>
        <source>ID &amp;number</source>
        <translation>证件号码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="166"/>
        <source>N&amp;ame</source>
        <translation>姓名/名称(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="169"/>
        <source>&amp;Legal representative</source>
        <translation>法定代表人(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="173"/>
        <source>&amp;Contact person</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="174"/>
        <location filename="../../ui/intake/applicant_form.py" line="509"/>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="177"/>
        <source>Add&amp;ress</source>
        <translation>地址(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="180"/>
        <source>Agent name</source>
        <translation>代理人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="181"/>
        <source>Agent ID number</source>
        <translation>代理人身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="182"/>
        <source>Authorisation</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="183"/>
        <source>What the authorisation letter says</source>
        <translation>授权委托书的委托事项及编号</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="291"/>
        <source>The applicant of a continued case cannot change; to read an agent&apos;s card, tick Applying through an agent first.</source>
        <translation>续办案件的申请人不能更改；如需读取代理人的证件，请先勾选“委托代理人办理”。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="301"/>
        <source>A company applies with its credit code: to read a person&apos;s card, choose Person, or tick Applying through an agent for the agent&apos;s card.</source>
        <translation>法人或其他组织以统一社会信用代码申请：如需读取个人证件，请将申请人类型改为“自然人”；读取代理人的证件请先勾选“委托代理人办理”。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="310"/>
        <source>Place the card on the reader… reading</source>
        <translation>请放卡……正在读卡</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="333"/>
        <source>This card&apos;s 15-character number is none of the form&apos;s ID types: enter the details by hand.</source>
        <translation>此证件为 15 位号码的外国人永久居留身份证，不属于表单可选的证件类型：请手工录入。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="350"/>
        <source>This card expired on {date}: check another valid ID document.</source>
        <translation>此证件已于 {date} 过期：请核验申请人其他有效身份证件。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="356"/>
        <source>Card read.</source>
        <translation>读卡成功，已填入表单。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="365"/>
        <source>The card could not be read: enter the details by hand.</source>
        <translation>无法读取证件：请手工录入。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="380"/>
        <source>The card photo beside the person, for you to compare by eye</source>
        <translation>证件照片与本人并排显示，由您目测比对</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="419"/>
        <source>same person, confirmed</source>
        <translation>人证一致，已确认</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="420"/>
        <source>NOT the same person</source>
        <translation>人证不一致</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="421"/>
        <source>could not be checked</source>
        <translation>无法核验</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="423"/>
        <source>Photo check: {verdict} ({card}, {time}, {clerk})</source>
        <translation>人证核验：{verdict}（{card}，{time}，{clerk}）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="477"/>
        <source>Check character overridden by {name}: {reason}</source>
        <translation>校验位已由 {name} 核准放行：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="509"/>
        <source>Contact &amp;phone</source>
        <translation>联系人电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant_form.py" line="550"/>
        <source>SMS notice (短信通知): text the applicant about the result</source>
        <translation>短信通知：办结或需补正时给申请人发短信</translation>
    </message>
</context>
<context>
    <name>ApplicantScreen</name>
    <message>
        <location filename="../../ui/applicant/screen.py" line="70"/>
        <source>OneWindow — applicant screen</source>
        <translation>一窗通 — 申请人屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/screen.py" line="77"/>
        <source>Window {number}</source>
        <translation>{number} 号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/screen.py" line="78"/>
        <source>Hello, please wait a moment.</source>
        <translation>您好，请稍候</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/screen.py" line="85"/>
        <source>Thank you. Please rate our service on the rating pad of this window.</source>
        <translation>谢谢！请在本窗口的评价器上对本次服务作出评价。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/screen.py" line="89"/>
        <source>Thank you for your rating. Goodbye.</source>
        <translation>感谢您的评价，欢迎再来！</translation>
    </message>
</context>
<context>
    <name>Assistance</name>
    <message>
        <location filename="../../ui/assistance_text.py" line="16"/>
        <source>form filling</source>
        <translation>填表</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="17"/>
        <source>material preparation</source>
        <translation>材料准备</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="18"/>
        <source>self-service guidance</source>
        <translation>自助终端指导</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="19"/>
        <source>whole procedure by proxy</source>
        <translation>全程代办</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="28"/>
        <source>By proxy</source>
        <translation>代办</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="30"/>
        <source>Assisted</source>
        <translation>帮办</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="31"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="32"/>
        <source>{prefix}: {name} ({kinds})</source>
        <translation>{prefix}：{name}（{kinds}）</translation>
    </message>
    <message>
        <location filename="../../ui/assistance_text.py" line="38"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CallerPanel</name>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="113"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="114"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="115"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="116"/>
        <source>Start service</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="117"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="118"/>
        <source>Transfer…</source>
        <translation>转移…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="119"/>
        <source>Park…</source>
        <translation>挂起…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="120"/>
        <location filename="../../ui/clerk/caller_panel.py" line="311"/>
        <source>Pause…</source>
        <translation>暂停服务…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="149"/>
        <source>Today&apos;s tickets at this window</source>
        <translation>本窗口今日叫号记录</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="167"/>
        <source>The queue cannot be read. Please check the network.</source>
        <translation>无法读取排队信息，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="262"/>
        <source>The operation failed. Please try again.</source>
        <translation>操作失败，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="315"/>
        <source>Open window</source>
        <translation>开启窗口</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="316"/>
        <source>Resume service</source>
        <translation>恢复服务</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="54"/>
        <source>within {n} working days of acceptance (no holiday calendar yet)</source>
        <translation>自受理之日起{n}个工作日内（尚未导入节假日安排）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="57"/>
        <source>within {n} working days of acceptance (the {year} holiday calendar is not loaded)</source>
        <translation>自受理之日起{n}个工作日内（尚未导入{year}年节假日安排）</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="207"/>
        <source>Case {case}</source>
        <translation>办件 {case}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="211"/>
        <source>{item}
Applicant: {name} ({id})
State: {state}; visits: {visits}; promised by: {due}</source>
        <translation>{item}
申请人：{name}（{id}）
状态：{state}；来办次数：{visits}；承诺办结日期：{due}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="225"/>
        <source>Visit</source>
        <translation>来办次序</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="225"/>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="225"/>
        <location filename="../../ui/intake/lookup_dialog.py" line="232"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="232"/>
        <source>Paper</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="232"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="232"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="235"/>
        <source>&amp;Reprint as COPY</source>
        <translation>补打副本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="237"/>
        <source>&amp;Continue this case</source>
        <translation>继续办理本件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="254"/>
        <source>Decisions</source>
        <translation>受理记录</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="256"/>
        <source>Printed papers</source>
        <translation>已打印文书</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="264"/>
        <source>(COPY)</source>
        <translation>（副本）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="285"/>
        <source>First say whether this paper came out.</source>
        <translation>请先确认这份文书是否已打出。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="288"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="309"/>
        <source>Printed a copy.</source>
        <translation>副本已打印。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="309"/>
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="311"/>
        <location filename="../../ui/intake/lookup_dialog.py" line="314"/>
        <source>Printing failed.</source>
        <translation>打印失败。</translation>
    </message>
</context>
<context>
    <name>CaseLookupDialog</name>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="82"/>
        <source>Find a case</source>
        <translation>查询办件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="91"/>
        <source>Filed on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="95"/>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="105"/>
        <source>Case &amp;number</source>
        <translation>办件编号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="106"/>
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="107"/>
        <source>&amp;Name</source>
        <translation>姓名/名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="134"/>
        <location filename="../../ui/intake/lookup_dialog.py" line="141"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/intake/lookup_dialog.py" line="153"/>
        <source>%n case(s) found</source>
        <translation>
            <numerusform>共查到 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/intake/lookup_dialog.py" line="161"/>
        <source>Nothing found.</source>
        <translation>未查到办件。</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="82"/>
        <source>Your materials</source>
        <translation>您提交的材料</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="97"/>
        <source>received</source>
        <translation>已收取</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="98"/>
        <source>not needed: an e-licence stands in for it</source>
        <translation>免提交：以电子证照代替</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="99"/>
        <source>your signed commitment stands in for it</source>
        <translation>以您签署的承诺代替</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="100"/>
        <source>accepted now, to be supplied later</source>
        <translation>容缺受理，后续补交</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="101"/>
        <source>optional</source>
        <translation>非必需</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="102"/>
        <source>missing: please supply it</source>
        <translation>需补正</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="106"/>
        <source>Item: {item}</source>
        <translation>办理事项：{item}</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="108"/>
        <source>Applicant: {name}</source>
        <translation>申请人：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/case_page.py" line="117"/>
        <source>{done} in order, {missing} missing</source>
        <translation>已齐备 {done} 项，需补正 {missing} 项</translation>
    </message>
</context>
<context>
    <name>CaseResultsModel</name>
    <message>
        <location filename="../../ui/intake/case_model.py" line="48"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="49"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="50"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="51"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="52"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="53"/>
        <source>Visits</source>
        <translation>来办次数</translation>
    </message>
    <message>
        <location filename="../../ui/intake/case_model.py" line="54"/>
        <source>Last change</source>
        <translation>最后更新</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="46"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="61"/>
        <source>&amp;Change</source>
        <translation>修改(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="74"/>
        <source>At least {n} characters.</source>
        <translation>至少 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="77"/>
        <source>Mix at least {n} of: capital letters, small letters, digits, symbols.</source>
        <translation>须包含大写字母、小写字母、数字、符号中的至少 {n} 类。</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="84"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="85"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="86"/>
        <source>&amp;Repeat the new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="98"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="129"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>无法连接数据库，请重试。</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="138"/>
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="139"/>
        <source>Form</source>
        <translation>材料形式</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="140"/>
        <source>Copies needed</source>
        <translation>应交份数</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="141"/>
        <source>Necessity</source>
        <translation>必要性</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="142"/>
        <source>Received</source>
        <translation>已收取</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="143"/>
        <source>Original checked</source>
        <translation>已核验原件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="144"/>
        <source>Copies</source>
        <translation>实收份数</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="145"/>
        <source>Scans</source>
        <translation>扫描页数</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="146"/>
        <source>E-licence no.</source>
        <translation>电子证照号（免提交）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="147"/>
        <source>Deferred</source>
        <translation>容缺</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="148"/>
        <source>Supply by</source>
        <translation>补交期限</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="149"/>
        <source>Defects</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="150"/>
        <source>Committed</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="221"/>
        <source>verification failed</source>
        <translation>核验未通过</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="223"/>
        <source>免提交</source>
        <translation>免提交</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="225"/>
        <source>待核验</source>
        <translation>待核验</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="230"/>
        <source>Original</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="231"/>
        <source>Copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="232"/>
        <source>Electronic</source>
        <translation>电子材料</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="233"/>
        <source>Original and copy</source>
        <translation>原件及复印件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="238"/>
        <source>Required</source>
        <translation>必要</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="239"/>
        <source>Optional</source>
        <translation>非必要</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="240"/>
        <source>Deferrable</source>
        <translation>可容缺</translation>
    </message>
</context>
<context>
    <name>ClerkFlow</name>
    <message>
        <location filename="../../ui/flow.py" line="212"/>
        <source>Opening the database…</source>
        <translation>正在连接数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="213"/>
        <location filename="../../ui/flow.py" line="282"/>
        <location filename="../../ui/flow.py" line="371"/>
        <source>OneWindow</source>
        <translation>一窗通</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="274"/>
        <source>The database holds no service hall to work in. Start the app with --seed-demo for the demo hall, or ask the administrator.</source>
        <translation>数据库中尚无服务大厅数据。如需演示大厅，请使用 --seed-demo 参数启动；否则请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="281"/>
        <source>The database cannot be opened. Please ask the administrator.</source>
        <translation>无法打开数据库，请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="373"/>
        <source>This PC holds no hall key, so assistance cannot be recorded here. Please use a PC with the intake, or ask the administrator.</source>
        <translation>本机没有大厅密钥，无法在此登记帮办代办记录。请使用可以受理办件的电脑，或联系系统管理员。</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="83"/>
        <source>OneWindow — {hall}</source>
        <translation>一窗通 — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="84"/>
        <source>Signed in as {name} at window {window}</source>
        <translation>当前登录：{name}（{window}号窗口）</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="99"/>
        <source>&amp;Lock the screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="102"/>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="105"/>
        <source>&amp;Find a case…</source>
        <translation>查询办件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="123"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="124"/>
        <source>The intake form holds work that has not been saved. Sign out and discard it?</source>
        <translation>受理表单中有尚未保存的内容。确定退出登录并放弃这些内容吗？</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="129"/>
        <source>Sign out and &amp;discard</source>
        <translation>退出并放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="152"/>
        <source>&amp;Queue</source>
        <translation>叫号(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="153"/>
        <source>&amp;Intake</source>
        <translation>受理(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="157"/>
        <source>&amp;Pickup</source>
        <translation>出件(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ConfigMessage</name>
    <message>
        <location filename="../../ui/config_message.py" line="16"/>
        <source>OneWindow cannot start: the configuration file %1 has problems. Please ask the administrator to correct it; the details below list each one.</source>
        <translation>一窗通无法启动：配置文件 %1 有问题。请联系系统管理员修改，下方“详细信息”逐条列出了问题。</translation>
    </message>
    <message>
        <location filename="../../ui/config_message.py" line="22"/>
        <source>OneWindow</source>
        <translation>一窗通</translation>
    </message>
</context>
<context>
    <name>CreditBox</name>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="59"/>
        <source>Check a&amp;gain</source>
        <translation>重新核查(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="61"/>
        <source>Supervisor o&amp;verride…</source>
        <translation>主管授权(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="106"/>
        <location filename="../../ui/intake/credit_box.py" line="192"/>
        <source>Credit status: checking…</source>
        <translation>信用状况：正在核查…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="126"/>
        <source>Credit status: the check failed; see the log.</source>
        <translation>信用状况：核查出错，请查看日志。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="167"/>
        <source>The applicant&apos;s credit status could not be checked. A supervisor may let deferral (容缺) or notify-and-commit (告知承诺) go ahead; the override and its reason are recorded with the case.</source>
        <translation>未能核查申请人的信用状况。经主管授权，可继续办理容缺受理或告知承诺；授权人及理由随办件一并记录。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="189"/>
        <source>Credit status: —</source>
        <translation>信用状况：—</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="201"/>
        <source>Credit status: clear</source>
        <translation>信用状况：正常</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="203"/>
        <source>listed</source>
        <translation>已列入名单</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="204"/>
        <source>Credit status: {reasons} (on the joint-punishment list)</source>
        <translation>信用状况：{reasons}（列入联合惩戒名单）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="207"/>
        <source>Credit status: could not be checked ({why})</source>
        <translation>信用状况：未能核查（{why}）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/credit_box.py" line="211"/>
        <source>Overridden by {name}: {reason}</source>
        <translation>已由{name}授权：{reason}</translation>
    </message>
</context>
<context>
    <name>CurrentTicketView</name>
    <message>
        <location filename="../../ui/clerk/current_ticket.py" line="37"/>
        <source>Current ticket</source>
        <translation>当前号码</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/current_ticket.py" line="52"/>
        <location filename="../../ui/clerk/current_ticket.py" line="54"/>
        <source>No current ticket</source>
        <translation>暂无办理号码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/clerk/current_ticket.py" line="72"/>
        <source>recalled %n time(s)</source>
        <translation>
            <numerusform>已重呼 %n 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="53"/>
        <source>Ground for re&amp;fusal…</source>
        <translation>不予受理理由(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="95"/>
        <source>Notify-and-commit: {count} material(s) on the applicant&apos;s commitment; the commitment letter prints with the paper, to be signed.</source>
        <translation>告知承诺：{count}项材料以申请人承诺代替；告知承诺书随文书打印，请申请人签字。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="102"/>
        <source>Recommended: {decision}</source>
        <translation>建议：{decision}</translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="44"/>
        <source>Accepted</source>
        <translation>受理：您的申请已受理</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="47"/>
        <source>One-time notice: materials to supply</source>
        <translation>一次性告知：请补正以下材料</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="50"/>
        <source>Your application cannot be accepted yet. Everything still needed is listed below and on the notice you receive: bring it all next time.</source>
        <translation>您的申请暂不能受理。需补正的全部材料列在下方和您收到的一次性告知书上，下次请一并带齐。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="56"/>
        <source>Accepted, with materials to follow</source>
        <translation>容缺受理：以下材料请按期补交</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="65"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="68"/>
        <source>The application cannot be accepted here. The notice you receive gives the reason, who can handle it, and your right to ask for a review or to go to court.</source>
        <translation>本申请不能在此受理。您收到的不予受理通知书写明了理由、有权办理的机关，以及您依法申请行政复议或者提起行政诉讼的权利。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="76"/>
        <source>Your case number is {case}.</source>
        <translation>办件编号：{case}。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="79"/>
        <source>It will be decided by {date}.</source>
        <translation>承诺办结日期：{date}。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/decision_page.py" line="86"/>
        <source>{material}: supply it by {date}</source>
        <translation>{material}：请于 {date} 前补交</translation>
    </message>
</context>
<context>
    <name>DeliveryBox</name>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="33"/>
        <source>Result delivery</source>
        <translation>结果送达方式</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="34"/>
        <source>Collect at the &amp;window</source>
        <translation>窗口领取(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="35"/>
        <source>&amp;Mail it (邮寄送达)</source>
        <translation>邮寄送达(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="53"/>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="54"/>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="55"/>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="60"/>
        <source>Re&amp;cipient</source>
        <translation>收件人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="61"/>
        <source>Mo&amp;bile</source>
        <translation>手机号码(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="62"/>
        <source>Region</source>
        <translation>省市区</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="63"/>
        <source>A&amp;ddress</source>
        <translation>详细地址(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/delivery_box.py" line="64"/>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
</context>
<context>
    <name>FeeMessage</name>
    <message>
        <location filename="../../ui/fee_messages.py" line="17"/>
        <source>This item has fees: record the payment, a waiver, or pay later</source>
        <translation>该事项需收费：请登记缴费、减免或待缴</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="20"/>
        <source>The amount is yuan with at most two decimals, e.g. 8 or 8.50</source>
        <translation>金额以元为单位，最多两位小数，如 8 或 8.50</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="23"/>
        <source>{found} yuan entered, but the fees come to {expected}</source>
        <translation>录入金额为 {found} 元，应缴合计为 {expected} 元</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="26"/>
        <source>A non-tax payment reference has 20 digits, not {found}</source>
        <translation>非税收入缴款码应为 20 位数字，现为 {found} 位</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="29"/>
        <source>Give the reason for waiving the fees</source>
        <translation>请填写免缴理由</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="32"/>
        <source>The reason is too long (at most 200 characters)</source>
        <translation>理由过长（最多 200 个字）</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="35"/>
        <source>The fees must be paid or waived before the result is handed over</source>
        <translation>出件前须缴清费用或办理免缴</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="38"/>
        <source>Enter the recipient</source>
        <translation>请填写收件人</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="39"/>
        <source>The recipient&apos;s name cannot be used</source>
        <translation>收件人姓名不符合要求</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="42"/>
        <source>The recipient&apos;s phone is not a phone number</source>
        <translation>收件人电话不是有效的电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="45"/>
        <source>The courier needs a mobile number (11 digits, 1…)</source>
        <translation>邮寄须留手机号码（11 位，以 1 开头）</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="48"/>
        <source>Enter the province, city and district</source>
        <translation>请填写省、市、区（县）</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="51"/>
        <source>A province, city or district name is too long</source>
        <translation>省、市或区（县）名称过长</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="54"/>
        <source>Enter the full street address</source>
        <translation>请填写完整的详细地址（街道门牌）</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="57"/>
        <source>The address is too long (at most 120 characters)</source>
        <translation>地址过长（最多 120 个字）</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="60"/>
        <source>A postal code has 6 digits</source>
        <translation>邮政编码应为 6 位数字</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="63"/>
        <source>Enter the tracking number</source>
        <translation>请填写运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="64"/>
        <source>An EMS number has 13 digits, or 2 letters, 9 digits and 2 letters</source>
        <translation>EMS 运单号为 13 位数字，或 2 位字母加 9 位数字加 2 位字母</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="67"/>
        <source>The check digit of this EMS number is {found}, it should be {expected}: check the number</source>
        <translation>该 EMS 运单号的校验位为 {found}，应为 {expected}：请核对运单号</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="72"/>
        <source>An SF Express number is SF and 13 digits, or 12 digits</source>
        <translation>顺丰运单号为 SF 加 13 位数字，或 12 位数字</translation>
    </message>
    <message>
        <location filename="../../ui/fee_messages.py" line="75"/>
        <source>A tracking number has 8 to 30 letters and digits</source>
        <translation>运单号为 8 至 30 位字母和数字</translation>
    </message>
</context>
<context>
    <name>FeesBox</name>
    <message>
        <location filename="../../ui/fees_box.py" line="41"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="42"/>
        <source>Non-tax payment reference</source>
        <translation>非税收入缴款码</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="43"/>
        <source>Waived (with the reason)</source>
        <translation>免缴（须填写理由）</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="44"/>
        <source>Pay later, when collecting the result</source>
        <translation>待缴（领取结果时缴纳）</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="56"/>
        <source>Fees</source>
        <translation>收费</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="65"/>
        <source>20 digits</source>
        <translation>20 位数字</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="71"/>
        <source>&amp;Payment</source>
        <translation>缴费方式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="72"/>
        <source>&amp;Amount (yuan)</source>
        <translation>实收金额（元）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="73"/>
        <source>&amp;Reference</source>
        <translation>缴款码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="74"/>
        <source>Re&amp;ason</source>
        <translation>免缴理由(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="101"/>
        <source>Free of charge (免费)</source>
        <translation>免费</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="105"/>
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="107"/>
        <source>amount set per case</source>
        <translation>按实收取</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="109"/>
        <source>Basis: {basis}</source>
        <translation>收费依据：{basis}</translation>
    </message>
    <message>
        <location filename="../../ui/fees_box.py" line="113"/>
        <source>Total: {amount} yuan</source>
        <translation>合计：{amount} 元</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="76"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="79"/>
        <source>Item / department / clerk</source>
        <translation>事项／部门／工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="83"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="87"/>
        <source>One-time notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="91"/>
        <source>Deferrals</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="95"/>
        <source>Refusals</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="99"/>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="103"/>
        <location filename="../../ui/supervisor/figures_models.py" line="169"/>
        <source>At most one visit</source>
        <translation>最多跑一次</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="107"/>
        <source>Handed over</source>
        <translation>已出件</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="111"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="115"/>
        <source>Avg days</source>
        <translation>平均天数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="119"/>
        <source>P90 days</source>
        <translation>P90天数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="123"/>
        <source>On the spot</source>
        <translation>即办率</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="131"/>
        <source>Visits per case</source>
        <translation>每件跑动次数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="160"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="162"/>
        <source>Catalogue version</source>
        <translation>目录版本</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="166"/>
        <source>Items</source>
        <translation>事项数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="173"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="177"/>
        <source>Items with demo visits</source>
        <translation>到现场次数为演示值的事项</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="191"/>
        <source>Promised date within two working days</source>
        <translation>承诺期限不足两个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="194"/>
        <source>Deferred material overdue</source>
        <translation>容缺材料逾期未补</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="197"/>
        <source>Promised date waits for the holiday calendar</source>
        <translation>承诺办结日期待导入节假日安排后确定</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="200"/>
        <source>Supplement notice later than five working days after receipt</source>
        <translation>补正告知晚于收件后五个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="203"/>
        <source>Licence to issue within ten working days of approval</source>
        <translation>准予许可后十个工作日内应颁发证件</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="209"/>
        <source>Next year&apos;s holiday calendar is missing: import it (clerk-app calendar import) or receive it by sync</source>
        <translation>明年的节假日安排尚未载入：请导入（clerk-app calendar import）或通过同步接收</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="214"/>
        <source>Notify-and-commit: post-check due</source>
        <translation>告知承诺：事中事后核查到期</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="217"/>
        <source>Notify-and-commit: post-check date waits for the holiday calendar</source>
        <translation>告知承诺：核查日期待节假日安排导入后确定</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="262"/>
        <source>Unknown: load the {year} holiday calendar</source>
        <translation>待定：请导入{year}年节假日安排</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="206"/>
        <source>Bad rating not followed up in time</source>
        <translation>差评未按期整改</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="51"/>
        <source>Rests on demo values: for {n} of the accepted cases the item&apos;s handling (on the spot or promised) is a demo value, not a published one.</source>
        <translation>依据演示值：受理件中有 {n} 件，其事项的办件类型（即办件或承诺件）为演示值，并非服务指南公布的数据。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="59"/>
        <source>Rests on demo values: the visits needed of {n} items are demo values, not published ones.</source>
        <translation>依据演示值：有 {n} 个事项的到现场次数为演示值，并非服务指南公布的数据。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="236"/>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="240"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="244"/>
        <source>Subject</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_models.py" line="246"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="115"/>
        <source>Per day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="116"/>
        <source>Per month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="119"/>
        <source>Whole hall</source>
        <translation>全大厅</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="120"/>
        <source>Per item</source>
        <translation>按事项</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="121"/>
        <source>Per department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="122"/>
        <source>Per clerk</source>
        <translation>按工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="125"/>
        <source>&amp;Show</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="127"/>
        <source>&amp;Daily report PDF…</source>
        <translation>日报 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="129"/>
        <source>&amp;Monthly report PDF…</source>
        <translation>月报 PDF(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="131"/>
        <source>E&amp;xport XLSX…</source>
        <translation>导出 XLSX(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="167"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="168"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="169"/>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="170"/>
        <source>Level</source>
        <translation>评价等级</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="171"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="173"/>
        <source>Comment</source>
        <translation>评价内容</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="150"/>
        <source>Revisit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="151"/>
        <source>Rectify</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="152"/>
        <source>Appeal for review</source>
        <translation>申诉复核</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="154"/>
        <source>What was done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="155"/>
        <source>&amp;Close follow-up</source>
        <translation>办结整改(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="172"/>
        <source>Reasons</source>
        <translation>差评原因</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="186"/>
        <source>Helper</source>
        <translation>帮办代办员</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="187"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="188"/>
        <source>Cases</source>
        <translation>办件数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="189"/>
        <source>Sittings</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="190"/>
        <source>Minutes</source>
        <translation>用时（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="200"/>
        <source>Commitment true</source>
        <translation>承诺属实</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="202"/>
        <source>False commitment (revoke, bad credit)</source>
        <translation>承诺不实（撤销决定，记入信用记录）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="204"/>
        <source>Record &amp;post-check</source>
        <translation>登记核查结果(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="220"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="220"/>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="233"/>
        <source>Deadline alerts</source>
        <translation>时限预警</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="241"/>
        <source>Bad ratings to follow up</source>
        <translation>待整改差评</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="249"/>
        <source>Items in “once and for all” mode, month by month</source>
        <translation>“最多跑一次”事项占比（按月）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="252"/>
        <source>Assistance (帮办代办)</source>
        <translation>帮办代办</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="281"/>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="312"/>
        <source>Items in “once and for all” mode: {share} ({n} of {items})</source>
        <translation>“最多跑一次”事项占比：{share}（{items} 项中 {n} 项）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="322"/>
        <source>“Once and for all” share of the active catalogue: {note}</source>
        <translation>现行目录的“最多跑一次”事项占比：{note}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="328"/>
        <source>On-the-spot share: {note}</source>
        <translation>即办件当场办结率：{note}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="334"/>
        <source>Figures for {first} to {last}.</source>
        <translation>已统计 {first} 至 {last}。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="353"/>
        <source>Monthly trend, {months}: {note}</source>
        <translation>按月趋势（{months}）：{note}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/supervisor/figures_panel.py" line="377"/>
        <source>Deadlines of %n case(s) cannot be dated: the holiday calendar of {years} is not loaded. Once it is, their dates are computed.</source>
        <translation>
            <numerusform>有 %n 件办件的期限暂无法确定：尚未导入{years}年节假日安排。导入后将自动计算日期。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="389"/>
        <source>waiting for the calendar</source>
        <translation>待节假日安排载入</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="401"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="409"/>
        <source>Choose a follow-up first.</source>
        <translation>请先选择一条差评整改。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="424"/>
        <source>Follow-up of the rating at window {window} closed.</source>
        <translation>{window}号窗口的差评整改已办结。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="439"/>
        <source>Choose a notify-and-commit post-check alert first.</source>
        <translation>请先选择一条告知承诺核查提醒。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="455"/>
        <source>Post-check of case {case} recorded.</source>
        <translation>办件 {case} 的核查结果已登记。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="462"/>
        <source>Save the figures</source>
        <translation>保存统计</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="467"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="467"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="493"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="496"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="504"/>
        <source>This follow-up is already closed.</source>
        <translation>该差评整改已办结。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="505"/>
        <source>Only a supervisor closes a follow-up.</source>
        <translation>只有值班长可以办结差评整改。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="507"/>
        <source>The follow-up could not be closed.</source>
        <translation>差评整改未能办结。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="510"/>
        <source>This case&apos;s post-check cannot be recorded (already recorded?).</source>
        <translation>无法登记该办件的核查结果（可能已经登记过）。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="513"/>
        <source>Only a supervisor records a post-check.</source>
        <translation>只有值班长可以登记核查结果。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="516"/>
        <source>The file could not be saved: {error}</source>
        <translation>文件未能保存：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="519"/>
        <source>Your role may not export the hall&apos;s figures.</source>
        <translation>您的角色无权导出本大厅的统计数据。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/figures_panel.py" line="522"/>
        <source>The operation failed. Please try again.</source>
        <translation>操作未成功，请重试。</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../ui/display/display.py" line="117"/>
        <source>Offline: reconnecting to the queue…</source>
        <translation>离线：正在重新连接排队系统…</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="123"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="133"/>
        <source>Last calls</source>
        <translation>最近呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="134"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="203"/>
        <source>Please go to {window}</source>
        <translation>请到 {window}</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="74"/>
        <source>Hand over {case}</source>
        <translation>出件 {case}</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="76"/>
        <source>{item}
Applicant: {name} ({id})
Certificate number: {number}</source>
        <translation>{item}
申请人：{name}（{id}）
证照编号：{number}</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="83"/>
        <source>&amp;Collected at the window</source>
        <translation>窗口领取(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="84"/>
        <source>&amp;Mailed</source>
        <translation>邮寄送达(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="93"/>
        <source>Only for an agent not named in the case</source>
        <translation>仅限办件中未登记的代领人填写</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="95"/>
        <source>Addressee as written on the parcel</source>
        <translation>按邮件面单填写收件人</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="105"/>
        <source>Fees to pay before handing over</source>
        <translation>出件前应缴费用</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="111"/>
        <source>&amp;Record handover</source>
        <translation>登记出件(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="134"/>
        <source>Left to pay at pickup: {amount} yuan</source>
        <translation>待缴费用：{amount} 元，请在出件前收取</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="145"/>
        <source>Recipient</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="147"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="148"/>
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="149"/>
        <source>&amp;Authorisation letter</source>
        <translation>授权委托书编号(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="150"/>
        <source>Mailing</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="152"/>
        <source>A&amp;ddressee</source>
        <translation>收件人(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="153"/>
        <source>Address</source>
        <translation>收件地址</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="154"/>
        <source>C&amp;ourier</source>
        <translation>快递公司(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="155"/>
        <source>&amp;Tracking number</source>
        <translation>运单号(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="181"/>
        <source>Enter the name of the person collecting.</source>
        <translation>请填写领取人姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="228"/>
        <source>Recording the handover…</source>
        <translation>正在登记出件…</translation>
    </message>
    <message>
        <location filename="../../ui/results/handover_dialog.py" line="243"/>
        <source>The handover could not be recorded. Please try again.</source>
        <translation>出件未能登记，请重试。</translation>
    </message>
</context>
<context>
    <name>HelperPanel</name>
    <message>
        <location filename="../../ui/helper/window.py" line="73"/>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="73"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="73"/>
        <source>Waiting since</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="80"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="82"/>
        <source>Ticket or case number</source>
        <translation>号票号或办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="83"/>
        <source>&amp;Start assisting</source>
        <translation>开始帮办(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="86"/>
        <source>Authorisation &amp;letter seen</source>
        <translation>已查验授权委托书(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="88"/>
        <source>or its material or scan reference</source>
        <translation>或填写委托书材料/扫描件编号</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="91"/>
        <source>as timed</source>
        <translation>按计时</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="92"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="94"/>
        <source>No names, ID or phone numbers</source>
        <translation>请勿填写姓名、证件号码或电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="95"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="106"/>
        <source>&amp;1 Form filling</source>
        <translation>填表(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="107"/>
        <source>&amp;2 Material preparation</source>
        <translation>材料准备(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="108"/>
        <source>&amp;3 Self-service guidance</source>
        <translation>自助终端指导(&amp;3)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="109"/>
        <source>&amp;4 Whole procedure by proxy (代办)</source>
        <translation>全程代办（须授权委托）(&amp;4)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="115"/>
        <source>&amp;Waiting in the hall</source>
        <translation>大厅等候中(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="121"/>
        <source>&amp;Number</source>
        <translation>号码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="126"/>
        <source>What was done</source>
        <translation>帮办内容</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="132"/>
        <source>Authorisation &amp;reference</source>
        <translation>委托书编号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="135"/>
        <source>&amp;Minutes</source>
        <translation>用时(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="138"/>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="152"/>
        <source>&amp;Done today</source>
        <translation>今日已帮办(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="206"/>
        <source>Pick a waiting ticket or type a ticket or case number.</source>
        <translation>请选择等候中的号票，或输入号票号、办件编号。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="221"/>
        <source>Not assisting anyone now.</source>
        <translation>当前未在帮办。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="224"/>
        <source>Assisting {number} since {time}</source>
        <translation>自 {time} 起为 {number} 帮办</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="273"/>
        <source>ticket {number}</source>
        <translation>号票 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="274"/>
        <source>Recorded for {where}.</source>
        <translation>已为 {where} 登记帮办记录。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="284"/>
        <source>Your account may not record assistance.</source>
        <translation>您的账号无权登记帮办代办记录。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="286"/>
        <source>Not saved: {error}</source>
        <translation>未能保存：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="290"/>
        <source>Tick what was done.</source>
        <translation>请勾选帮办内容。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="291"/>
        <source>Give a ticket or a case number.</source>
        <translation>请填写号票号或办件编号。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="292"/>
        <source>No such ticket today in this hall.</source>
        <translation>本大厅今日没有该号票。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="293"/>
        <source>No such case in this hall.</source>
        <translation>本大厅没有该办件。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="295"/>
        <source>代办 needs the authorisation: tick the letter seen or give its reference.</source>
        <translation>代办须有授权委托：请勾选已查验授权委托书，或填写委托书编号。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="297"/>
        <source>The note holds a character that cannot be kept.</source>
        <translation>备注中含有无法保存的字符。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="299"/>
        <source>The note may hold no ID or phone numbers: the case has them.</source>
        <translation>备注中不得填写证件号码或电话号码（办件中已有登记）。</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="301"/>
        <source>The minutes are out of range.</source>
        <translation>用时超出范围。</translation>
    </message>
</context>
<context>
    <name>HelperWindow</name>
    <message>
        <location filename="../../ui/helper/window.py" line="318"/>
        <source>OneWindow assistance desk — {hall}</source>
        <translation>一窗通 帮办代办 — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="320"/>
        <source>Signed in as {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/helper/window.py" line="323"/>
        <source>&amp;Refresh the queue</source>
        <translation>刷新排队(&amp;R)</translation>
    </message>
</context>
<context>
    <name>IntakeMessage</name>
    <message>
        <location filename="../../ui/intake/messages.py" line="17"/>
        <source>Enter the ID number</source>
        <translation>请填写证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="18"/>
        <source>A 15-digit ID number is no longer valid: ask for the 18-digit one</source>
        <translation>15 位身份证号码已停止使用，请提供 18 位号码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="21"/>
        <source>An ID number has {expected} characters, not {found}</source>
        <translation>身份证号码应为 {expected} 位，现为 {found} 位</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="24"/>
        <source>Character {position} is {found}: only digits, and X at the end</source>
        <translation>第 {position} 位为“{found}”：只能是数字，末位可为 X</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="27"/>
        <source>{found} is not a province code</source>
        <translation>{found} 不是有效的省级行政区划代码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="30"/>
        <source>A permanent-residence number gives the issuing province in characters 2-3: {found} is not a province code</source>
        <translation>永久居留身份证号码第2至3位为签发地省级行政区划代码，{found} 不是有效的省级代码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="35"/>
        <source>The birth date {found} is not a real date</source>
        <translation>出生日期 {found} 不是有效日期</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="38"/>
        <source>The birth date {found} is before {expected}: no ID number holder was born then; check the year</source>
        <translation>出生日期 {found} 早于 {expected} 年，不可能是证件持有人的出生日期，请核对年份</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="43"/>
        <source>The birth date {found} is in the future</source>
        <translation>出生日期 {found} 晚于今天</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="46"/>
        <source>The 18th character (check digit) should be {expected}</source>
        <translation>第 18 位校验码应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="49"/>
        <source>Enter the unified social credit code</source>
        <translation>请填写统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="52"/>
        <source>A credit code has {expected} characters, not {found}</source>
        <translation>统一社会信用代码应为 {expected} 位，现为 {found} 位</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="55"/>
        <source>Character {position} is {found}, never used in credit codes; perhaps {expected}</source>
        <translation>第 {position} 位为“{found}”，信用代码不使用该字母，可能应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="59"/>
        <source>Character {position} is {found}: not allowed here</source>
        <translation>第 {position} 位“{found}”不是允许的字符</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="62"/>
        <source>Character {position} is {found}: the region code is digits</source>
        <translation>第 {position} 位为“{found}”：第 3–8 位行政区划码应为数字</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="65"/>
        <source>The 18th character (check character) should be {expected}</source>
        <translation>第 18 位校验码应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="68"/>
        <source>This field is required</source>
        <translation>此项必填</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="69"/>
        <source>{found} characters, at most {expected}</source>
        <translation>共 {found} 个字，最多 {expected} 个</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="72"/>
        <source>Character {position} is a control character</source>
        <translation>第 {position} 个字符是控制字符</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="75"/>
        <source>Character {position} comes from an old input method: enter the standard character</source>
        <translation>第 {position} 个字符来自旧输入法的私用区编码，请改用标准汉字</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="79"/>
        <source>Character {position} is a digit: a name has no digits</source>
        <translation>第 {position} 个字符是数字：姓名中不能有数字</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="82"/>
        <source>Enter the phone number</source>
        <translation>请填写联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="83"/>
        <source>Character {position} is {found}: digits only</source>
        <translation>第 {position} 位为“{found}”：电话号码只能是数字</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="86"/>
        <source>A mobile number has {expected} digits, not {found}</source>
        <translation>手机号码应为 {expected} 位，现为 {found} 位</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="89"/>
        <source>Mobile numbers start 13 to 19</source>
        <translation>手机号码应以 13 至 19 开头</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="92"/>
        <source>A landline needs its area code, e.g. 0431-1234567</source>
        <translation>固定电话须加区号，如 0431-1234567</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="95"/>
        <source>A landline has an area code and 7-8 digits</source>
        <translation>固定电话由区号和 7–8 位号码组成</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="98"/>
        <source>Not a phone number</source>
        <translation>不是有效的电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="101"/>
        <source>A passport number has 5 to 20 letters and digits</source>
        <translation>护照号码为 5 至 20 位字母和数字</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="120"/>
        <source>The applicant&apos;s details are not valid.</source>
        <translation>申请人信息有误。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="123"/>
        <source>The agent needs a name, an ID number and an authorisation.</source>
        <translation>代理人须填写姓名、身份证号码和授权委托书。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="126"/>
        <source>This item is not in the catalogue.</source>
        <translation>事项目录中没有该事项。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="129"/>
        <source>Choose the applicant&apos;s situation.</source>
        <translation>请选择申请情形。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="132"/>
        <source>This item is suspended: no new applications.</source>
        <translation>该事项已暂停，不再受理新申请。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="135"/>
        <source>A page is assigned to a material not on this checklist.</source>
        <translation>有扫描页对应的材料不在本清单中。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="138"/>
        <source>The rules do not allow this decision now.</source>
        <translation>按现有材料情况，不能作出该决定。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="141"/>
        <source>There is no case with this number.</source>
        <translation>没有该编号的办件。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="144"/>
        <source>This case is closed: it takes no further visit.</source>
        <translation>该办件已办结，不能继续办理。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="147"/>
        <source>This case is for another item or applicant.</source>
        <translation>该办件属于其他事项或申请人。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="150"/>
        <source>Record how the fees were paid, waived or left to pay later.</source>
        <translation>请登记费用的缴纳、减免或待缴情况。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="153"/>
        <source>The mailing address cannot be used.</source>
        <translation>邮寄地址不符合要求。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="156"/>
        <source>The disk is full: this case was not saved. Ask for space to be freed, then save it again.</source>
        <translation>磁盘已满：本件未能保存。请联系管理员清理磁盘空间后重新保存。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="167"/>
        <source>One-time notice issued</source>
        <translation>已一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="170"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="171"/>
        <source>Accepted with deferral</source>
        <translation>已容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="174"/>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="175"/>
        <source>Approved</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="176"/>
        <source>Rejected</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="177"/>
        <source>Supplement requested</source>
        <translation>需补正</translation>
    </message>
    <message>
        <location filename="../../ui/intake/messages.py" line="180"/>
        <source>Handed over</source>
        <translation>已出件</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <location filename="../../ui/intake/panel.py" line="190"/>
        <source>Case number (type or scan)</source>
        <translation>办件编号（输入或扫码）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="191"/>
        <source>&amp;Open case</source>
        <translation>打开办件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="192"/>
        <source>&amp;New case</source>
        <translation>新办件(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="401"/>
        <source>Some pages look blank: keep or remove them first.</source>
        <translation>有扫描页疑似空白，请先确认保留或删除。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="417"/>
        <source>Case {case}: saved (visit {visit}).</source>
        <translation>办件 {case} 已保存（第 {visit} 次来办）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="438"/>
        <source>SMS notice: the applicant will get a text when the result is ready.</source>
        <translation>已登记短信通知：办件办结或需补正时，申请人将收到短信。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="461"/>
        <source>SMS notice: the applicant opted in at an earlier visit ({status}).</source>
        <translation>短信通知：申请人已在此前办理时订阅（{status}）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="468"/>
        <source>SMS notice not set up: the phone is not a mainland mobile number.</source>
        <translation>未登记短信通知：该电话不是有效的大陆手机号码。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="472"/>
        <source>SMS notice not set up; see the log.</source>
        <translation>未能登记短信通知，详见日志。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="481"/>
        <source>Something went wrong; see the log.</source>
        <translation>出现错误，请查看日志。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/panel.py" line="546"/>
        <source>Continuing case {case} (visit {visit})</source>
        <translation>继续办理 {case}（第 {visit} 次来办）</translation>
    </message>
</context>
<context>
    <name>IntakeReason</name>
    <message>
        <location filename="../../ui/intake/reasons.py" line="33"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="34"/>
        <source>One-time notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="35"/>
        <source>Accept with deferral</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="36"/>
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="43"/>
        <source>Complete</source>
        <translation>齐全</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="44"/>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="45"/>
        <source>Defective</source>
        <translation>需补正</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="46"/>
        <source>Replaced by e-licence</source>
        <translation>电子证照免提交</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="49"/>
        <source>Deferred</source>
        <translation>容缺</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="50"/>
        <source>Not needed</source>
        <translation>非必要，未提交</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="51"/>
        <source>Committed (notify-and-commit)</source>
        <translation>已承诺（告知承诺）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="61"/>
        <source>this counter has no central server</source>
        <translation>本窗口未接入中心服务器</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="64"/>
        <source>the central server cannot be reached</source>
        <translation>无法连接中心服务器</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="67"/>
        <source>the central server did not answer in time</source>
        <translation>中心服务器未及时应答</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="70"/>
        <source>the central server&apos;s answer was unreadable</source>
        <translation>中心服务器的应答无法识别</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="73"/>
        <source>the central server refused the lookup</source>
        <translation>中心服务器拒绝了查询</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="76"/>
        <source>not checkable</source>
        <translation>无法核查</translation>
    </message>
    <message>
        <location filename="../../ui/intake/reasons.py" line="77"/>
        <source>still checking</source>
        <translation>正在核查</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="36"/>
        <source>implementation code</source>
        <translation>实施编码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="37"/>
        <source>basic code</source>
        <translation>基本编码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="38"/>
        <source>item type</source>
        <translation>事项类型</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="39"/>
        <source>department</source>
        <translation>实施部门</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="40"/>
        <source>statutory time limit</source>
        <translation>法定时限</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="41"/>
        <source>promised time limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="42"/>
        <source>on the spot or promised</source>
        <translation>办件类型</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="43"/>
        <source>visits needed</source>
        <translation>到现场次数</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="44"/>
        <source>fees</source>
        <translation>收费</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="45"/>
        <source>applicants served</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="46"/>
        <source>channels</source>
        <translation>办理渠道</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="47"/>
        <source>result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="59"/>
        <source>Demo values, not from the published service guide: {fields}.</source>
        <translation>演示值（服务指南未公布）：{fields}。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="61"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="63"/>
        <source>Checklist materials holding demo values: {n}.</source>
        <translation>材料清单中含演示值的材料：{n} 项。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="67"/>
        <source>The hall&apos;s figures that count this item are marked as resting on them.</source>
        <translation>大厅统计中计入本事项的数据均标注为依据演示值。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="87"/>
        <source>Item name, pinyin initials or code</source>
        <translation>事项名称、拼音首字母或编码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="103"/>
        <source>&amp;Item</source>
        <translation>事项(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="105"/>
        <source>Chosen</source>
        <translation>已选事项</translation>
    </message>
    <message>
        <location filename="../../ui/intake/item_picker.py" line="107"/>
        <source>&amp;Situation</source>
        <translation>办理情形(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="14"/>
        <source>We are sorry: no more tickets can be issued for this service today. Please come again tomorrow, or book an appointment online.</source>
        <translation>非常抱歉：该业务今日已停止取号。请明天再来，或在网上预约。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="19"/>
        <source>We are sorry: this service is fully booked for today. Please come again tomorrow, or book an appointment online.</source>
        <translation>非常抱歉：该业务今日号源已满。请明天再来，或在网上预约。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="24"/>
        <source>We are sorry: the hall is closed now. Please see the opening hours.</source>
        <translation>非常抱歉：大厅现在不办公，请留意办公时间。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="27"/>
        <source>We are sorry: this service is not offered at the moment.</source>
        <translation>非常抱歉：该业务暂不办理。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="30"/>
        <source>We could not find this booking. Please check the code, or ask the staff for help.</source>
        <translation>未找到该预约。请核对预约码，或向工作人员求助。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="34"/>
        <source>This booking is for another day. Please come on the day of your booking.</source>
        <translation>该预约不是今天的。请在预约当日前来办理。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="37"/>
        <source>This booking has already been checked in. Please keep your ticket.</source>
        <translation>该预约已签到，请保管好您的号票。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="40"/>
        <source>This booking was cancelled. Please take a ticket for the service, or book again.</source>
        <translation>该预约已取消。请直接取号办理，或重新预约。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="44"/>
        <source>It is too early to check in for this booking. Please come back shortly before your time.</source>
        <translation>现在签到还太早，请在预约时段开始前不久再来签到。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="49"/>
        <source>The time of this booking has passed. Please take an ordinary ticket, or ask the staff for help.</source>
        <translation>该预约的时段已过。请取普通号办理，或咨询工作人员。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/messages.py" line="54"/>
        <source>We found no booking for this ID card today. Please check in with the booking code, or ask the staff for help.</source>
        <translation>未查到该身份证今天在本大厅的预约。请用预约码签到，或咨询工作人员。</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="137"/>
        <source>Please choose a service</source>
        <translation>请选择办理的业务</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="140"/>
        <source>Priority service: elderly, disabled, pregnant, service members</source>
        <translation>优先服务：老年人、残疾人、孕妇、军人</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="143"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="160"/>
        <source>Scan the barcode of your booking, or type its code and press OK</source>
        <translation>请扫描预约条码，或输入预约码后按“确定”</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="187"/>
        <source>Check in with your ID card</source>
        <translation>刷身份证签到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="191"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="193"/>
        <location filename="../../ui/kiosk/kiosk.py" line="215"/>
        <location filename="../../ui/kiosk/kiosk.py" line="273"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="211"/>
        <source>You have several bookings today. Please choose the one to check in.</source>
        <translation>您今天有多个预约，请选择要签到的一项。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="230"/>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="232"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="235"/>
        <source>Text me when my turn is near (短信提醒)</source>
        <translation>短信提醒：快到我时发短信通知我</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="252"/>
        <source>Enter your mobile number. We will send one text message when your turn is near. By pressing OK you agree that the hall stores this number, encrypted, for this ticket only, and gives it to the text-message service to send it.</source>
        <translation>请输入您的手机号码，快轮到您时我们将发送一条短信提醒。点击“确定”即表示您同意大厅加密保存该号码（仅用于本次排队），并交由短信服务平台发送提醒。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="260"/>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="265"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="271"/>
        <source>OK, text me</source>
        <translation>确定，短信提醒我</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="287"/>
        <source>Back to the start</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="327"/>
        <source>Bookings as of {time}: a booking made or cancelled online since then is not known here yet. If yours is not found, please ask the staff.</source>
        <translation>预约信息更新于 {time}：此后在网上新办或取消的预约本机尚不知道。如查不到您的预约，请咨询工作人员。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="332"/>
        <source>Bookings as of {time}</source>
        <translation>预约信息更新于 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="385"/>
        <source>Tickets cannot be issued at the moment. Please ask the staff for help.</source>
        <translation>暂时无法取号，请向工作人员求助。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="407"/>
        <source>Please place your ID card on the reader…</source>
        <translation>请将身份证放在读卡器上……</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/kiosk.py" line="454"/>
        <source>%n person(s) ahead of you</source>
        <translation>
            <numerusform>您前面有 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/kiosk.py" line="455"/>
        <source>Estimated wait: about %n minute(s)</source>
        <translation>
            <numerusform>预计等候约 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="470"/>
        <source>Sorry, no ticket could be issued. Please ask the staff for help.</source>
        <translation>抱歉，未能取号，请向工作人员求助。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="513"/>
        <source>Please enter an 11-digit mainland mobile number (starting with 1).</source>
        <translation>请输入以1开头的11位手机号码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="528"/>
        <source>We will text you when your turn is near.</source>
        <translation>快轮到您时，我们会发短信提醒您。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="536"/>
        <source>Sorry, text messages cannot be arranged now. Please watch the screen.</source>
        <translation>抱歉，暂时无法登记短信提醒，请留意大厅叫号屏。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="546"/>
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="555"/>
        <source>Please take your ticket below.</source>
        <translation>请在下方取走号票。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="568"/>
        <source>Please check whether your ticket came out below. If it did not, or only in part, press Print again: your number is valid.</source>
        <translation>请查看下方出票口是否已出票。如未出票或号票不完整，请按“重新打印”：您的号码依然有效。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="573"/>
        <source>The ticket could not be printed ({reason}). Your number is valid: please remember it, or press Print again.</source>
        <translation>号票未能打印（{reason}）。您的号码依然有效：请记住号码，或按“重新打印”。</translation>
    </message>
</context>
<context>
    <name>LicenceBox</name>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="57"/>
        <source>查证照</source>
        <translation>查证照</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="58"/>
        <source>Look up the applicant&apos;s e-licence for this material</source>
        <translation>在电子证照库中查询申请人用于本材料的证照</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="59"/>
        <source>Use this licence</source>
        <translation>使用此证照</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="101"/>
        <source>Enter the applicant&apos;s ID number or credit code first.</source>
        <translation>请先录入申请人的身份证号码或统一社会信用代码。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="106"/>
        <source>Looking up e-licences…</source>
        <translation>正在查询电子证照…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="123"/>
        <source>No e-licence of this type in the registry: the material is needed.</source>
        <translation>电子证照库中没有该类证照，须提交此材料。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="126"/>
        <source>Choose the licence that replaces %1.</source>
        <translation>请选择代替“%1”的证照。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="155"/>
        <source>Fetching the licence&apos;s PDF copy…</source>
        <translation>正在获取证照 PDF 复制件…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="168"/>
        <source>免提交: %1 %2 (%3)</source>
        <translation>免提交：%1 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="171"/>
        <source>— no PDF copy could be kept.</source>
        <translation>——未能留存 PDF 复制件。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="178"/>
        <source>The e-licence lookup failed; see the log.</source>
        <translation>电子证照查询出错，请查看日志。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="181"/>
        <source>no end</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="189"/>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="190"/>
        <source>revoked: it cannot replace the material</source>
        <translation>已注销，不能代替材料</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="191"/>
        <source>expired: it cannot replace the material</source>
        <translation>已过期，不能代替材料</translation>
    </message>
    <message>
        <location filename="../../ui/intake/licence_box.py" line="196"/>
        <source>E-licences could not be checked (%1). Type the licence number in the E-licence column: it is accepted as to verify (待核验) and verified on the next sync.</source>
        <translation>未能查询电子证照（%1）。可在“电子证照”栏手工录入证照号，按“待核验”受理，下次同步时自动核验。</translation>
    </message>
</context>
<context>
    <name>LicenceFailures</name>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="26"/>
        <source>not in the registry</source>
        <translation>证照库中无此证照</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="27"/>
        <source>revoked by its issuer</source>
        <translation>已被发证机关注销</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="28"/>
        <source>expired</source>
        <translation>已过有效期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="29"/>
        <source>held by someone else</source>
        <translation>持证主体与申请人不符</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="45"/>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="49"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="53"/>
        <source>Licence number</source>
        <translation>证照编号</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="57"/>
        <source>Holder</source>
        <translation>持证主体</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="61"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync/licence_failures.py" line="65"/>
        <source>Checked</source>
        <translation>核验时间</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="99"/>
        <source>The screen is locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="103"/>
        <source>Signed in: {name}</source>
        <translation>当前登录：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="106"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="108"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="111"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="64"/>
        <source>OneWindow — Sign in</source>
        <translation>一窗通 — 登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="77"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="78"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="85"/>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="86"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="87"/>
        <source>&amp;Window number:</source>
        <translation>窗口号(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="97"/>
        <source>Please enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="103"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="139"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>无法连接数据库，请稍后重试。</translation>
    </message>
</context>
<context>
    <name>LoginFailure</name>
    <message>
        <location filename="../../ui/i18n.py" line="165"/>
        <source>Too many failed attempts: this account is locked until %1. A supervisor or administrator can unlock it sooner.</source>
        <translation>登录失败次数过多，账号已锁定至 %1。主管或管理员可提前解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="171"/>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="174"/>
        <source>This account is disabled. Please contact the administrator.</source>
        <translation>该账号已停用，请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="177"/>
        <source>Your password has expired. Please choose a new one.</source>
        <translation>密码已过期，请设置新密码。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="180"/>
        <source>The administrator set this password. Please choose your own.</source>
        <translation>此密码由管理员设置，请设置您自己的密码。</translation>
    </message>
</context>
<context>
    <name>OutboxItemsModel</name>
    <message>
        <location filename="../../ui/sync/items_model.py" line="27"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/items_model.py" line="31"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/sync/items_model.py" line="35"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync/items_model.py" line="39"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/sync/items_model.py" line="43"/>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/items_model.py" line="47"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="13"/>
        <source>Nobody is waiting for this window&apos;s services.</source>
        <translation>本窗口业务暂无等候人员。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="16"/>
        <source>Called {number}.</source>
        <translation>已呼叫 {number} 号。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="21"/>
        <source>{number} was recalled too often and is now a no-show.</source>
        <translation>{number} 号重呼次数已达上限，已按过号处理。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="25"/>
        <source>Recalled {number}.</source>
        <translation>已重呼 {number} 号。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="30"/>
        <source>{number} did not come: marked as a no-show.</source>
        <translation>{number} 号未到，已过号。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="35"/>
        <source>Serving {number}.</source>
        <translation>开始办理 {number} 号。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="39"/>
        <source>{number} is done.</source>
        <translation>{number} 号已办结。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="43"/>
        <source>{number} transferred to {target}.</source>
        <translation>{number} 号已转移至{target}。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="49"/>
        <source>{number} parked; it can be called again in {minutes} min.</source>
        <translation>{number} 号已挂起，{minutes} 分钟后可重新呼叫。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="56"/>
        <source>Service paused: {reason}.</source>
        <translation>已暂停服务：{reason}。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="60"/>
        <source>Service resumed.</source>
        <translation>已恢复服务。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="67"/>
        <source>Supervisor override</source>
        <translation>值班长核准</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="83"/>
        <source>Supervisor &amp;username</source>
        <translation>值班长用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="84"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="85"/>
        <source>&amp;Reason (recorded)</source>
        <translation>理由（将记录在案）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="91"/>
        <source>The check character of this number does not compute. A supervisor may let a real card or code through after checking the original.</source>
        <translation>该号码的校验位不符。值班长核验原件后，可对真实证件或代码予以放行。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="139"/>
        <source>Only a wrong check character can be overridden; this number has another fault.</source>
        <translation>只有校验位错误可以核准放行；该号码还有其他错误。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="141"/>
        <source>Please give the reason for the override.</source>
        <translation>请填写核准放行的理由。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="142"/>
        <source>The reason is too long.</source>
        <translation>理由过长。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="143"/>
        <source>This number passes every check.</source>
        <translation>该号码校验全部通过，无需核准。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/override_dialog.py" line="160"/>
        <source>Only a supervisor or administrator may do this.</source>
        <translation>只有值班长或管理员可以进行此操作。</translation>
    </message>
</context>
<context>
    <name>PageListModel</name>
    <message>
        <location filename="../../ui/scans/page_model.py" line="82"/>
        <source>Not assigned</source>
        <translation>未归类</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_model.py" line="108"/>
        <source>{width} × {height} pixels, {dpi} dpi, {size} KB</source>
        <translation>{width} × {height} 像素，{dpi} dpi，{size} KB</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_model.py" line="212"/>
        <source>{number}. {material}</source>
        <translation>{number}. {material}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_model.py" line="216"/>
        <source>Looks blank: confirm</source>
        <translation>疑似空白页：请确认</translation>
    </message>
</context>
<context>
    <name>PaperBar</name>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="75"/>
        <source>Pre&amp;view before printing</source>
        <translation>打印前预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="79"/>
        <source>Ask the applicant to &amp;sign</source>
        <translation>请申请人签名(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="89"/>
        <source>Re&amp;print</source>
        <translation>重新打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="119"/>
        <source>Preparing the paper…</source>
        <translation>正在生成文书…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="138"/>
        <source>Preview open: print from there, or Reprint later.</source>
        <translation>已打开预览：可在预览中打印，或稍后点“重新打印”。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="153"/>
        <source>Waiting for the applicant&apos;s signature…</source>
        <translation>正在等待申请人签名……</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="167"/>
        <source>Not signed: the paper was not printed. Press Reprint to try again.</source>
        <translation>未签名，文书未打印。请按“重新打印”再次请申请人签名。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="181"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="189"/>
        <source>The decision is saved.</source>
        <translation>受理决定已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="194"/>
        <source>Printed for case {case}.</source>
        <translation>办件 {case} 的文书已打印。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="204"/>
        <location filename="../../ui/intake/paper_bar.py" line="224"/>
        <source>Printing failed ({reason}); the decision is saved. Press Reprint.</source>
        <translation>打印失败（{reason}），受理决定已保存。请点“重新打印”。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/paper_bar.py" line="218"/>
        <source>unexpected error, see the log</source>
        <translation>意外错误，请查看日志</translation>
    </message>
</context>
<context>
    <name>PaperCheck</name>
    <message>
        <location filename="../../ui/printing/paper_check.py" line="41"/>
        <source>Printed &amp;fine</source>
        <translation>打印完好(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/paper_check.py" line="43"/>
        <source>&amp;Not printed: print again</source>
        <translation>未打出，重新打印(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/paper_check.py" line="97"/>
        <source>unexpected error, see the log</source>
        <translation>意外错误，请查看日志</translation>
    </message>
</context>
<context>
    <name>PaperSigning</name>
    <message>
        <location filename="../../ui/signature/flow.py" line="88"/>
        <source>the acceptance notice</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="89"/>
        <source>the one-time notice</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="90"/>
        <source>the deferral notice</source>
        <translation>容缺受理通知书</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="91"/>
        <source>the refusal notice</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="92"/>
        <source>the commitment letter</source>
        <translation>告知承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="93"/>
        <source>the handover record</source>
        <translation>出件记录</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="99"/>
        <source>Please sign {paper} in the box below.</source>
        <translation>请在下方框内签署{paper}。</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="114"/>
        <source>unexpected error, see the log</source>
        <translation>意外错误，请查看日志</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="121"/>
        <source>The case of this paper is not saved.</source>
        <translation>该文书所属办件尚未保存。</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="123"/>
        <source>This paper is not signed by the applicant.</source>
        <translation>该文书无需申请人签名。</translation>
    </message>
    <message>
        <location filename="../../ui/signature/flow.py" line="126"/>
        <source>The signature could not be recorded ({code}).</source>
        <translation>签名未能保存（{code}）。</translation>
    </message>
</context>
<context>
    <name>ParkDialog</name>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="118"/>
        <source>Park ticket</source>
        <translation>挂起号码</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="122"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="124"/>
        <source>Back in &amp;minutes:</source>
        <translation>挂起时长(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>PasswordProblem</name>
    <message>
        <location filename="../../ui/i18n.py" line="196"/>
        <source>It must have at least %1 characters.</source>
        <translation>密码至少须有 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="199"/>
        <source>It may have at most %1 characters.</source>
        <translation>密码最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="202"/>
        <source>It contains a control or invisible character.</source>
        <translation>密码含有控制字符或不可见字符。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="205"/>
        <source>It must mix at least %1 of: capital letters, small letters, digits, symbols.</source>
        <translation>密码须包含大写字母、小写字母、数字、符号中的至少 %1 类。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="209"/>
        <source>It must not contain your username.</source>
        <translation>密码不得包含用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="212"/>
        <source>It is on the list of common or leaked passwords.</source>
        <translation>该密码属于常见或已泄露的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="215"/>
        <source>It was one of your last %1 passwords.</source>
        <translation>该密码与最近 %1 次使用过的密码之一相同。</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="133"/>
        <source>Pause service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="136"/>
        <source>Reason for pausing service:</source>
        <translation>暂停服务原因：</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="144"/>
        <source>Describe the reason</source>
        <translation>请填写具体原因</translation>
    </message>
</context>
<context>
    <name>PauseReason</name>
    <message>
        <location filename="../../ui/i18n.py" line="252"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="253"/>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="254"/>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="255"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>PhotoCheckDialog</name>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="101"/>
        <source>Photo check</source>
        <translation>人证核验</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="104"/>
        <source>Take a still from the document camera (F5)</source>
        <translation>从高拍仪取图 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="111"/>
        <source>Same person, confirm (1)</source>
        <translation>一致，确认 (1)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="114"/>
        <source>Not the same person (2)</source>
        <translation>不一致 (2)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="117"/>
        <source>Cannot check (3)</source>
        <translation>无法核验 (3)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="150"/>
        <source>Compare the card photo with the person by eye. The program does not match faces: the judgement is yours.</source>
        <translation>请目测比对证件照片与办事人本人。本系统不做人脸识别比对，是否一致由您判断。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="156"/>
        <source>Card {number}</source>
        <translation>证件号码 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="157"/>
        <source>Card photo</source>
        <translation>证件照片</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="159"/>
        <source>The person (camera)</source>
        <translation>办事人（摄像头）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="180"/>
        <source>Card photo not available</source>
        <translation>证件照片不可用</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="207"/>
        <source>Starting the camera…</source>
        <translation>正在打开摄像头……</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="221"/>
        <source>No camera picture: take a still with the document camera.</source>
        <translation>没有摄像头画面：请用高拍仪拍一张照片。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="225"/>
        <source>No camera here: compare with the person at the counter.</source>
        <translation>本窗口没有摄像头：请与窗口前的办事人当面比对。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="232"/>
        <source>Waiting for the document camera&apos;s picture…</source>
        <translation>正在等待高拍仪的照片……</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="253"/>
        <source>The document camera&apos;s file is not a picture.</source>
        <translation>高拍仪保存的文件不是图片。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="263"/>
        <source>The document camera&apos;s picture could not be taken.</source>
        <translation>未能取得高拍仪的照片。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/photo_check_dialog.py" line="303"/>
        <source>The check could not be saved; see the log. Try again.</source>
        <translation>核验结果未能保存，详见日志，请重试。</translation>
    </message>
</context>
<context>
    <name>Pickup</name>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="22"/>
        <source>Approved</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="23"/>
        <source>Rejected</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="24"/>
        <source>Supplement requested</source>
        <translation>需补正材料</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="35"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="39"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="43"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="46"/>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="50"/>
        <source>Certificate number</source>
        <translation>证照编号</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="54"/>
        <source>Promised by</source>
        <translation>承诺期限</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="58"/>
        <source>Waiting</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="64"/>
        <source>Deferred materials</source>
        <translation>容缺材料</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_model.py" line="59"/>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="13"/>
        <source>A deferred material has not arrived yet ({materials}). The certificate is released only when every deferred material is in.</source>
        <translation>容缺材料尚未补齐（{materials}）。全部容缺材料补齐后方可出证。</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="19"/>
        <source>This case is not in the hall&apos;s records.</source>
        <translation>本大厅没有该办件的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="22"/>
        <source>There is nothing to hand over: the back office has not approved this case.</source>
        <translation>暂无可出件的结果：后台尚未作出准予许可决定。</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="25"/>
        <source>The central system has not numbered this certificate yet. Synchronise and try again.</source>
        <translation>审批系统尚未赋予证照编号，请同步后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="29"/>
        <source>This certificate has already been handed over; it cannot be handed over twice.</source>
        <translation>该证照已出件，不能重复出件。</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="33"/>
        <source>This ID number is neither the applicant&apos;s nor the case agent&apos;s. An agent must show an authorisation letter: enter its reference.</source>
        <translation>该身份证号码既不是申请人的，也不是本件代理人的。代领人须出示授权委托书，请填写委托书编号。</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="38"/>
        <source>The ID number is not a valid resident ID number. Check it and type it again.</source>
        <translation>身份证号码不正确，请核对后重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="41"/>
        <source>Enter the courier and the tracking number.</source>
        <translation>请填写快递公司和运单号。</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="44"/>
        <source>This material is not deferred in this case.</source>
        <translation>该材料不是本件的容缺材料。</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="47"/>
        <source>This paper has never been printed.</source>
        <translation>该文书尚未打印过，不能补打。</translation>
    </message>
    <message>
        <location filename="../../ui/results/messages.py" line="50"/>
        <source>This result has not been handed over: there is no handover record yet.</source>
        <translation>该办理结果尚未出件，暂无出件记录。</translation>
    </message>
</context>
<context>
    <name>PickupPanel</name>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="82"/>
        <source>Case number, applicant name, certificate number or ID number</source>
        <translation>办件编号、申请人姓名、证照编号或身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="91"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="142"/>
        <source>&amp;Print certificate / notice</source>
        <translation>打印证照/通知书(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="144"/>
        <source>&amp;Hand over…</source>
        <translation>出件(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="112"/>
        <source>&amp;Search</source>
        <translation>查找(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="109"/>
        <source>The recipient si&amp;gns on the pad</source>
        <translation>领取人在签名板上签名(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="146"/>
        <source>Print handover &amp;record</source>
        <translation>打印出件记录(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/results/pickup_panel.py" line="174"/>
        <source>%n decision(s) waiting</source>
        <translation>
            <numerusform>待出件 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="176"/>
        <source>No decisions are waiting.</source>
        <translation>暂无待出件的办件。</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="200"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="214"/>
        <source>The paper did not print ({reason}). Please try again.</source>
        <translation>文书未能打印（{reason}），请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="217"/>
        <source>Printed again, marked COPY.</source>
        <translation>已补打，加盖“副本”标记。</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="217"/>
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="234"/>
        <source>{case}: mailed, recorded.</source>
        <translation>{case}：已邮寄，出件已登记。</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="236"/>
        <source>{case}: handed over to {name}, recorded.</source>
        <translation>{case}：已交 {name} 领取，出件已登记。</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="277"/>
        <source>Waiting for the recipient&apos;s signature…</source>
        <translation>等待领取人签名…</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="300"/>
        <source>Not signed: the handover is recorded, its record was not printed. Press Print handover record to ask again.</source>
        <translation>未签名：出件已登记，出件记录未打印。请按“打印出件记录”重新请领取人签名。</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="310"/>
        <source>{done} The handover record is printed.</source>
        <translation>{done}出件记录已打印。</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="314"/>
        <source>{case}: the handover is recorded, but its record did not print ({reason}). Press Print handover record.</source>
        <translation>{case}：出件已登记，但出件记录未能打印（{reason}）。请点击“打印出件记录”。</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="291"/>
        <location filename="../../ui/results/pickup_panel.py" line="323"/>
        <source>The handover is recorded, but its record did not print ({reason}). Press Print handover record.</source>
        <translation>出件已登记，但出件记录未能打印（{reason}）。请点击“打印出件记录”。</translation>
    </message>
    <message>
        <location filename="../../ui/results/pickup_panel.py" line="335"/>
        <source>The operation failed. Please try again.</source>
        <translation>操作未成功，请重试。</translation>
    </message>
</context>
<context>
    <name>PrintJobText</name>
    <message>
        <location filename="../../ui/printing/job_text.py" line="14"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="15"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="16"/>
        <source>not confirmed</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="17"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="23"/>
        <source>the printer is offline</source>
        <translation>打印机离线</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="26"/>
        <source>the cover is open</source>
        <translation>打印机盖未合上</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="29"/>
        <source>the paper has run out</source>
        <translation>打印纸已用完</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="32"/>
        <source>the paper roll is nearly used up</source>
        <translation>纸卷即将用完</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="35"/>
        <source>paper is being fed with the button</source>
        <translation>正在按键走纸</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="38"/>
        <source>the printer stopped with an error</source>
        <translation>打印机因故障停止</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="41"/>
        <source>a mechanical error (e.g. a paper jam)</source>
        <translation>机械故障（如卡纸）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="44"/>
        <source>the cutter is jammed</source>
        <translation>切刀故障</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="47"/>
        <source>a fault that needs service</source>
        <translation>需要维修的故障</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="50"/>
        <source>the print head is too hot and waits to cool down</source>
        <translation>打印头过热，正在等待冷却</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="60"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="63"/>
        <source>the connection to the printer broke off during the job</source>
        <translation>打印中途与打印机的连接断开</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="67"/>
        <source>the printer did not answer after the job</source>
        <translation>打印后打印机无应答</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="71"/>
        <source>the print system did not answer in time</source>
        <translation>打印系统未及时响应</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="77"/>
        <source>The printer did not confirm this paper ({why}). Please look at the printer: did the whole paper come out?</source>
        <translation>打印机未确认这份文书已打出（{why}）。请查看打印机：文书是否完整打出？</translation>
    </message>
    <message>
        <location filename="../../ui/printing/job_text.py" line="87"/>
        <source>The ticket printer&apos;s paper roll is nearly used up: load a new one soon.</source>
        <translation>号票打印机纸卷即将用完，请尽快更换。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/printing/preview.py" line="33"/>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="48"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="49"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="50"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="52"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="90"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>RatingReasons</name>
    <message>
        <location filename="../../ui/rating_reasons.py" line="13"/>
        <source>Long wait</source>
        <translation>等候时间长</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="14"/>
        <source>Slow handling</source>
        <translation>办理时间长</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="15"/>
        <source>Unfriendly attitude</source>
        <translation>服务态度不好</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="16"/>
        <source>Not told everything at once</source>
        <translation>一次性告知不清</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="19"/>
        <source>Too many materials asked</source>
        <translation>材料要求多</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="22"/>
        <source>Had to come several times</source>
        <translation>多次跑动</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="25"/>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <location filename="../../ui/rating_reasons.py" line="26"/>
        <source>Other</source>
        <translation>其他</translation>
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
        <translation>欢迎！业务办结后请对我们的服务进行评价。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="86"/>
        <source>Thank you for your rating.</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="89"/>
        <location filename="../../ui/applicant/rating.py" line="106"/>
        <location filename="../../ui/applicant/rating.py" line="197"/>
        <location filename="../../ui/applicant/rating.py" line="243"/>
        <source>Submit</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="94"/>
        <source>We are sorry. What was not satisfactory? Please tick at least one.</source>
        <translation>给您添麻烦了，请问哪里不满意？请至少勾选一项。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="101"/>
        <source>In a few words, if you wish (no phone or ID numbers)</source>
        <translation>如愿意，可简要说明（请勿填写电话号码或身份证号）</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="104"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="116"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="117"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="118"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="119"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="120"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="125"/>
        <source>Overall</source>
        <translation>总体评价</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="126"/>
        <source>Efficiency</source>
        <translation>办事效率</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="127"/>
        <source>Competence</source>
        <translation>业务能力</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="128"/>
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="197"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="228"/>
        <source>Ticket {number}: how was the service of {clerk}?</source>
        <translation>{number} 号：您对 {clerk} 的服务是否满意？</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="259"/>
        <location filename="../../ui/applicant/rating.py" line="303"/>
        <source>Please tick at least one reason.</source>
        <translation>请至少勾选一项原因。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="292"/>
        <source>The rating could not be saved. Please try again.</source>
        <translation>评价未能保存，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="299"/>
        <source>The window&apos;s clerk cannot submit a rating: this screen is the applicant&apos;s.</source>
        <translation>窗口工作人员不能代为评价：本评价器仅供办事群众使用。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="301"/>
        <source>This service has already been rated.</source>
        <translation>本次服务已评价。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="302"/>
        <source>Please choose a level for every item.</source>
        <translation>请为每一项选择评价等级。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="305"/>
        <source>These words cannot be kept: please shorten them or leave out unusual characters.</source>
        <translation>该说明无法保存：请缩短内容或去掉特殊字符。</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/rating.py" line="308"/>
        <source>The rating was refused ({code}).</source>
        <translation>评价未能提交（{code}）。</translation>
    </message>
</context>
<context>
    <name>RecentCallsModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="70"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="75"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../ui/i18n.py" line="91"/>
        <source>This service does not exist.</source>
        <translation>该业务不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="94"/>
        <source>This service is not offered now.</source>
        <translation>该业务当前暂停办理。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="97"/>
        <source>There is no window with this number.</source>
        <translation>不存在该窗口号。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="100"/>
        <source>There is no ticket with this number today.</source>
        <translation>今日没有该号码。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="103"/>
        <source>The window is closed.</source>
        <translation>窗口未开启。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="104"/>
        <source>Service is paused at this window.</source>
        <translation>本窗口已暂停服务。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="107"/>
        <source>The window already has a ticket: finish, skip or park it first.</source>
        <translation>本窗口已有当前号码，请先办结、过号或挂起。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="110"/>
        <source>The window has no current ticket.</source>
        <translation>本窗口当前没有号码。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="113"/>
        <source>The ticket&apos;s state does not allow this.</source>
        <translation>该号码当前状态不允许此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="116"/>
        <source>The hall is closed now.</source>
        <translation>当前不在大厅办公时间。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="117"/>
        <source>No more tickets today: past the cut-off time.</source>
        <translation>今日已过取号截止时间。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="120"/>
        <source>No more tickets today: the daily limit is reached.</source>
        <translation>今日该业务取号已达上限。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="123"/>
        <source>This window does not serve that service.</source>
        <translation>本窗口不办理该业务。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="126"/>
        <source>The no-show grace period has passed.</source>
        <translation>已超过过号保留时限。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="129"/>
        <source>The request is not valid.</source>
        <translation>请求无效。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="132"/>
        <source>No appointment has this code. Please check the code or ask at the desk.</source>
        <translation>没有此预约码的预约，请核对或到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="135"/>
        <source>This appointment is for another day.</source>
        <translation>该预约不是今天的。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="138"/>
        <source>This appointment has already been checked in.</source>
        <translation>该预约已经签到。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="141"/>
        <source>This appointment was cancelled.</source>
        <translation>该预约已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="144"/>
        <source>Too early to check in for this appointment.</source>
        <translation>未到该预约的签到时间。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="147"/>
        <source>Too late: this appointment&apos;s time and grace period are over.</source>
        <translation>已超过该预约的时段和宽限时间。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="150"/>
        <source>This appointment is for another service.</source>
        <translation>该预约不是此业务的预约。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="153"/>
        <source>No appointment today in this hall for this ID card.</source>
        <translation>该身份证今天在本大厅没有预约。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="156"/>
        <source>Only a supervisor or administrator may do this.</source>
        <translation>只有值班长或管理员可以进行此操作。</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="125"/>
        <source>Refuse the application</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="133"/>
        <source>&amp;Ground</source>
        <translation>法定理由(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="134"/>
        <source>&amp;Reason</source>
        <translation>具体理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="135"/>
        <source>&amp;Competent agency</source>
        <translation>有权受理的机关(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/decision_bar.py" line="138"/>
        <source>The notice states the relief rights: reconsideration within 60 days, a lawsuit within 6 months.</source>
        <translation>通知书将告知救济权利：60 日内申请行政复议，6 个月内提起行政诉讼。</translation>
    </message>
</context>
<context>
    <name>ScanMessages</name>
    <message>
        <location filename="../../ui/scans/messages.py" line="18"/>
        <source>a JPEG picture</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="19"/>
        <source>a PNG picture</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="20"/>
        <source>a TIFF picture</source>
        <translation>TIFF 图片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="21"/>
        <source>a BMP picture</source>
        <translation>BMP 图片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="22"/>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="23"/>
        <source>a GIF animation</source>
        <translation>GIF 动图</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="24"/>
        <source>a WebP picture</source>
        <translation>WebP 图片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="25"/>
        <source>a HEIC/HEIF phone photo</source>
        <translation>HEIC/HEIF 手机照片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="26"/>
        <source>a video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="27"/>
        <source>a Windows executable program</source>
        <translation>Windows 可执行程序</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="30"/>
        <source>a Linux executable program</source>
        <translation>Linux 可执行程序</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="33"/>
        <source>a macOS executable program</source>
        <translation>macOS 可执行程序</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="36"/>
        <source>a script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="37"/>
        <source>a ZIP archive (or an Office or OFD document)</source>
        <translation>ZIP 压缩包（或 Office、OFD 文档）</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="40"/>
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="41"/>
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="42"/>
        <source>a gzip archive</source>
        <translation>gzip 压缩包</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="43"/>
        <source>an old Office document (.doc, .xls)</source>
        <translation>旧版 Office 文档（.doc、.xls）</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="46"/>
        <source>an RTF document</source>
        <translation>RTF 文档</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="47"/>
        <source>a PostScript file</source>
        <translation>PostScript 文件</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="48"/>
        <source>a web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="49"/>
        <source>an XML or SVG file</source>
        <translation>XML 或 SVG 文件</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="50"/>
        <source>an empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="51"/>
        <source>of an unknown type</source>
        <translation>未知类型的文件</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="68"/>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="71"/>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="72"/>
        <source>The file is too large: {size} MB, at most {limit} MB.</source>
        <translation>文件过大：{size} MB，最大 {limit} MB。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="75"/>
        <source>This file is {kind}, not a scan: only JPEG, PNG, TIFF, BMP and PDF are taken.</source>
        <translation>该文件是{kind}，不是扫描件：只接收 JPEG、PNG、TIFF、BMP 和 PDF。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="79"/>
        <source>The file has {pages} pages, at most {limit} are taken at once.</source>
        <translation>文件共 {pages} 页，一次最多接收 {limit} 页。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="83"/>
        <source>The PDF is protected by a password: ask for an unprotected copy.</source>
        <translation>该 PDF 设有密码保护，请索取未加密的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="86"/>
        <source>The file is damaged or incomplete and cannot be opened.</source>
        <translation>文件已损坏或不完整，无法打开。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="89"/>
        <source>The resolution is {dpi} dpi; at least {limit} dpi is needed. Scan it again.</source>
        <translation>分辨率为 {dpi} dpi，至少需要 {limit} dpi，请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="100"/>
        <source>The picture declares more than the {limit} million pixels allowed (a damaged or malicious file).</source>
        <translation>图片声明的像素超过允许的 {limit} 百万（文件已损坏或为恶意文件）。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="105"/>
        <source>The picture declares {width} × {height} pixels, more than the {limit} million allowed (a damaged or malicious file).</source>
        <translation>图片声明为 {width} × {height} 像素，超过允许的 {limit} 百万像素（文件已损坏或为恶意文件）。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="116"/>
        <source>{file}, page {page}: {reason}</source>
        <translation>{file}，第 {page} 页：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="119"/>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="126"/>
        <source>Scanning is not installed on this PC (SANE&apos;s scanimage is missing).</source>
        <translation>本机未安装扫描功能（缺少 SANE 的 scanimage）。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="129"/>
        <source>The scanner was not found. Is it switched on and connected?</source>
        <translation>找不到扫描仪，请检查是否已开机并连接。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="132"/>
        <source>The scanner is busy with another program.</source>
        <translation>扫描仪正被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="135"/>
        <source>The document feeder is empty.</source>
        <translation>进纸器中没有文件。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="138"/>
        <source>Paper jam: clear the feeder and scan the rest again.</source>
        <translation>卡纸：请清理进纸器后重新扫描剩余页。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="141"/>
        <source>The scanner cover is open.</source>
        <translation>扫描仪盖板未合上。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="144"/>
        <source>The scanner reported an error.</source>
        <translation>扫描仪报告了错误。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="155"/>
        <source>No document camera matching {name} is connected ([scanner] camera). Other sources still work.</source>
        <translation>未连接名称含“{name}”的高拍仪（见设置 [scanner] camera）。仍可用其他方式扫描或导入材料。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="161"/>
        <source>The document camera cannot work here: Qt Multimedia is not installed. Other sources still work.</source>
        <translation>本机无法使用高拍仪：未安装 Qt Multimedia 组件。仍可用其他方式扫描或导入材料。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="166"/>
        <source>No document camera is connected to this PC. Other sources still work.</source>
        <translation>本机未连接高拍仪。仍可用其他方式扫描或导入材料。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="170"/>
        <source>The document camera stopped (unplugged or used by another program). Reconnect it and take the picture again; other sources still work.</source>
        <translation>高拍仪已停止工作（可能已拔出或被其他程序占用）。请重新连接后再拍摄；仍可用其他方式扫描或导入材料。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="175"/>
        <source>The document camera did not get ready; take the picture again.</source>
        <translation>高拍仪未能就绪，请重新拍摄。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="178"/>
        <source>The camera could not take a picture; try again.</source>
        <translation>高拍仪未能拍摄，请重试。</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../ui/scans/panel.py" line="111"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="114"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="116"/>
        <source>Watch scan folder</source>
        <translation>监视扫描文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="121"/>
        <source>Take from camera</source>
        <translation>高拍仪拍摄</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="128"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="175"/>
        <source>Assign to material</source>
        <translation>归入材料</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="177"/>
        <source>Move earlier</source>
        <translation>前移</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="179"/>
        <source>Move later</source>
        <translation>后移</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="181"/>
        <source>Not blank: keep</source>
        <translation>非空白页：保留</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="183"/>
        <source>Remove page</source>
        <translation>删除此页</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="200"/>
        <source>Refused files</source>
        <translation>未接收的文件</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="228"/>
        <source>Not assigned</source>
        <translation>未归类</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="248"/>
        <source>Taking a picture with the camera…</source>
        <translation>正在用高拍仪拍摄……</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="261"/>
        <source>Starting the camera…</source>
        <translation>正在打开高拍仪……</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="308"/>
        <source>Import scanned pages</source>
        <translation>导入扫描页</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="310"/>
        <source>Scans (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
        <translation>扫描件 (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="355"/>
        <source>Stopped: %n page(s) taken before cancelling.</source>
        <translation>
            <numerusform>已停止：取消前已接收 %n 页。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="358"/>
        <source>%n page(s) taken</source>
        <translation>
            <numerusform>已接收 %n 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="359"/>
        <source>, %n file(s) refused</source>
        <translation>
            <numerusform>，%n 个文件未接收</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="376"/>
        <source>The disk of this PC is full: the last page was not saved (the pages listed are safe). Ask for space to be freed, then scan or import it again.</source>
        <translation>本机磁盘已满：最后一页未能保存（列表中已有的页面不受影响）。请联系管理员清理磁盘空间后，重新扫描或导入该页。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="382"/>
        <source>Scanning failed unexpectedly; see the log.</source>
        <translation>扫描意外失败，请查看日志。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="430"/>
        <source>%n page(s) look blank: keep or remove them.</source>
        <translation>
            <numerusform>%n 页疑似空白：请保留或删除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreenFlow</name>
    <message>
        <location filename="../../ui/screens.py" line="93"/>
        <source>This screen signs in with a device account: set [device] user and password in the config file.</source>
        <translation>此屏幕使用设备账号登录：请在配置文件中设置 [device] 的 user 和 password。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="99"/>
        <source>A rating screen belongs to a window: start it with --window N.</source>
        <translation>评价器属于某个窗口：请使用 --window N 启动。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="107"/>
        <source>No ticket printer is configured for this kiosk.</source>
        <translation>此取号机未配置号票打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="163"/>
        <location filename="../../ui/screens.py" line="175"/>
        <source>OneWindow</source>
        <translation>一窗通</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="172"/>
        <source>The screen cannot start: {error}</source>
        <translation>屏幕无法启动：{error}</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="224"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="254"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>无法连接数据库，请重试。</translation>
    </message>
</context>
<context>
    <name>ServiceTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="114"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="118"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="122"/>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="126"/>
        <source>Avg wait today</source>
        <translation>今日平均等候</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="130"/>
        <source>Estimated wait</source>
        <translation>预计等候</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="134"/>
        <source>Open windows</source>
        <translation>开放窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="153"/>
        <source>no open window</source>
        <translation>无开放窗口</translation>
    </message>
</context>
<context>
    <name>SessionMenu</name>
    <message>
        <location filename="../../ui/session_menu.py" line="15"/>
        <source>&amp;Session</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/session_menu.py" line="19"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/session_menu.py" line="26"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/signature/pad.py" line="75"/>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <location filename="../../ui/signature/pad.py" line="237"/>
        <source>Sign here</source>
        <translation>请在此处签名</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <location filename="../../ui/signature/dialog.py" line="23"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/signature/dialog.py" line="30"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../ui/applicant/signing_page.py" line="20"/>
        <source>Please sign</source>
        <translation>请签名</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/signing_page.py" line="21"/>
        <source>Please check the paper and sign where the clerk shows you.</source>
        <translation>请核对文书内容，在工作人员指示的位置签名。</translation>
    </message>
</context>
<context>
    <name>SigningPanel</name>
    <message>
        <location filename="../../ui/signature/panel.py" line="42"/>
        <source>Please sign in the box below.</source>
        <translation>请在下方框内签名。</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="51"/>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="54"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="57"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="59"/>
        <source>C&amp;onfirm signature</source>
        <translation>确认签名(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="28"/>
        <source>Nothing is signed yet: please sign in the box.</source>
        <translation>尚未签名，请在框内签名。</translation>
    </message>
    <message>
        <location filename="../../ui/signature/panel.py" line="31"/>
        <source>That is too little to be a signature: please sign your full name.</source>
        <translation>笔迹过少，不能作为签名，请签署全名。</translation>
    </message>
</context>
<context>
    <name>SmsStatus</name>
    <message>
        <location filename="../../ui/sms_status.py" line="14"/>
        <source>SMS: not subscribed</source>
        <translation>短信：未订阅</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="16"/>
        <source>SMS: subscribed, not due yet</source>
        <translation>短信：已订阅，尚未到发送时机</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="17"/>
        <source>SMS: waiting to be sent</source>
        <translation>短信：待发送</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="18"/>
        <source>SMS: sent</source>
        <translation>短信：已发送</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="19"/>
        <source>SMS: delivered</source>
        <translation>短信：已送达</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="20"/>
        <source>SMS: sending failed</source>
        <translation>短信：发送失败</translation>
    </message>
    <message>
        <location filename="../../ui/sms_status.py" line="21"/>
        <source>SMS: not sent (called before it was due)</source>
        <translation>短信：未发送（已先行叫号）</translation>
    </message>
</context>
<context>
    <name>Supervisor</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="27"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
</context>
<context>
    <name>SupervisorDashboard</name>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="121"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="122"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="123"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="146"/>
        <source>Open window</source>
        <translation>开启窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="147"/>
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="148"/>
        <source>Services…</source>
        <translation>办理业务…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="157"/>
        <source>Ticket number, e.g. A012</source>
        <translation>号码，例如 A012</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="159"/>
        <source>Transfer…</source>
        <translation>转移…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="160"/>
        <source>Cancel ticket</source>
        <translation>取消号票</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="161"/>
        <source>Prioritise</source>
        <translation>设为优先</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="164"/>
        <source>{number} cancelled.</source>
        <translation>{number} 号已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="168"/>
        <source>{number} moved to the priority class.</source>
        <translation>{number} 号已设为优先。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="172"/>
        <source>Ticket:</source>
        <translation>号票：</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="178"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="181"/>
        <source>Services</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="184"/>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="187"/>
        <source>&amp;Acknowledge</source>
        <translation>已处理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="189"/>
        <source>The applicant has been contacted about the material; clear the alert</source>
        <translation>已联系申请人补交该材料，解除此提醒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="192"/>
        <source>E-licence numbers not confirmed by the registry</source>
        <translation>电子证照核验未通过</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="206"/>
        <source>Blue: today. Grey: the same weekday last week.</source>
        <translation>蓝色：今天；灰色：上周同一天。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="208"/>
        <source>Arrivals per hour</source>
        <translation>每小时取号人数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="210"/>
        <source>Average wait per hour of arrival (minutes)</source>
        <translation>各时段取号的平均等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="223"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="224"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="227"/>
        <source>Daily report PDF for the “To” day…</source>
        <translation>导出“至”当天的日报（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="230"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="231"/>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="265"/>
        <source>E-licence numbers not confirmed by the registry ({n})</source>
        <translation>电子证照核验未通过（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="278"/>
        <source>The queue cannot be read. Please check the network.</source>
        <translation>无法读取排队信息，请检查网络。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="317"/>
        <source>Select a failed e-licence verification first.</source>
        <translation>请先选择一条核验未通过的电子证照。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="323"/>
        <source>Acknowledged: {case}, {material}.</source>
        <translation>已处理：{case}，{material}。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="333"/>
        <source>Only a supervisor can acknowledge it.</source>
        <translation>只有值班长可以处理此提醒。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="342"/>
        <location filename="../../ui/supervisor/dashboard.py" line="349"/>
        <source>Select a window first.</source>
        <translation>请先选择一个窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="344"/>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="364"/>
        <source>The window&apos;s services are changed.</source>
        <translation>窗口的办理业务已修改。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="370"/>
        <source>Enter a ticket number first.</source>
        <translation>请先输入号码。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="397"/>
        <source>{number} transferred.</source>
        <translation>{number} 号已转移。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="405"/>
        <source>The operation failed. Please try again.</source>
        <translation>操作失败，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="414"/>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="418"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="419"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="420"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="450"/>
        <source>Statistics saved to {path}.</source>
        <translation>统计已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="473"/>
        <source>Daily report saved to {path}.</source>
        <translation>日报已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="484"/>
        <source>The statistics could not be saved: {error}</source>
        <translation>统计未能保存：{error}</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="49"/>
        <source>&amp;Queue</source>
        <translation>排队叫号(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="50"/>
        <source>&amp;Figures and ratings</source>
        <translation>统计与评价(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="55"/>
        <source>OneWindow supervisor — {hall}</source>
        <translation>一窗通 值班长 — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="57"/>
        <source>Signed in as {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/sync/indicator.py" line="27"/>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="30"/>
        <source>Sync: …</source>
        <translation>同步：…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="36"/>
        <source>{n} to send</source>
        <translation>待上传 {n} 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="38"/>
        <source>{n} need attention</source>
        <translation>{n} 条需处理</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="42"/>
        <source>{n} e-licences not confirmed</source>
        <translation>{n} 条证照核验未通过</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="45"/>
        <source>never synced</source>
        <translation>尚未同步成功</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="48"/>
        <source>last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="53"/>
        <source>Open the sync panel (Ctrl+Shift+Y)</source>
        <translation>打开同步面板（Ctrl+Shift+Y）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="55"/>
        <source>Central server: {url}</source>
        <translation>审批中心服务器：{url}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="58"/>
        <source>Last error: {error}</source>
        <translation>最近错误：{error}</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../ui/sync/panel.py" line="61"/>
        <source>Sync with the central server</source>
        <translation>与审批中心同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="82"/>
        <source>&amp;Open case</source>
        <translation>打开办件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="88"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="89"/>
        <source>&amp;Retry selected</source>
        <translation>重试所选(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="112"/>
        <source>Connection:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="113"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="114"/>
        <source>Outbox:</source>
        <translation>待上传：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="115"/>
        <source>Last successful sync:</source>
        <translation>上次成功同步：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="116"/>
        <source>Clock:</source>
        <translation>时钟：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="117"/>
        <source>Last error:</source>
        <translation>最近错误：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="118"/>
        <source>&amp;Waiting</source>
        <translation>等待上传(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="119"/>
        <source>&amp;Failed</source>
        <translation>上传失败(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="125"/>
        <source>The server rejected these operations or they conflict with what it holds; only their own cases wait. Fix the cause, then retry the operation.</source>
        <translation>以下操作被审批中心退回，或与中心已有数据冲突；只有相关办件暂停上传，其他办件不受影响。请先排除原因，再重试该操作。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="132"/>
        <source>&amp;Needs attention</source>
        <translation>需人工处理(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="138"/>
        <source>The registry did not confirm these e-licence numbers typed at intake (待核验). The material no longer counts as replaced: open the case and ask the applicant for it. The supervisor has been alerted.</source>
        <translation>以下受理时手工录入的电子证照号码（待核验）未通过电子证照库核验，相应材料不再视为免提交：请打开办件，通知申请人补交该材料。值班长已收到提醒。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="150"/>
        <source>&amp;E-licences</source>
        <translation>电子证照(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="169"/>
        <source>{pending} to send, {failed} of them failed, {attention} need attention</source>
        <translation>待上传 {pending} 条，其中失败 {failed} 条；需人工处理 {attention} 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="174"/>
        <source>in step</source>
        <translation>与服务器一致</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="179"/>
        <source>&amp;Waiting ({n})</source>
        <translation>等待上传（{n}）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="181"/>
        <source>&amp;Failed ({n})</source>
        <translation>上传失败（{n}）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="182"/>
        <source>&amp;Needs attention ({n})</source>
        <translation>需人工处理（{n}）(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="193"/>
        <source>&amp;E-licences not confirmed ({n})</source>
        <translation>证照核验未通过（{n}）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="233"/>
        <source>Syncing with the central server…</source>
        <translation>正在与审批中心同步…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="238"/>
        <source>Another sync of this hall database is running; try again shortly.</source>
        <translation>本大厅数据库正在进行另一次同步，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="240"/>
        <source>Waiting before the next attempt; press Sync now to try at once.</source>
        <translation>正在等待下一次重试；如需马上同步，请点击“立即同步”。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="242"/>
        <source>The central server cannot be reached now; the outbox is kept.</source>
        <translation>暂时无法连接审批中心，待上传数据已妥善保留。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="244"/>
        <source>The server no longer accepts this counter: it must be enrolled again.</source>
        <translation>审批中心已不再接受本窗口终端，请重新登记注册。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="246"/>
        <source>The server needs a newer version of this app; the outbox is kept.</source>
        <translation>审批中心要求升级本软件，待上传数据已妥善保留。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="248"/>
        <source>Sync failed: {error}</source>
        <translation>同步失败：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/panel.py" line="250"/>
        <source>Sent {pushed}, received {pulled} changes.</source>
        <translation>已上传 {pushed} 条，收到 {pulled} 条更新。</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../ui/sync/status_bar.py" line="38"/>
        <source>Sync &amp;status…</source>
        <translation>同步状态(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_bar.py" line="41"/>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_bar.py" line="43"/>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_bar.py" line="65"/>
        <source>New catalogue version {label} received from the central server; it is in use now.</source>
        <translation>已从审批中心收到新版事项目录 {label}，现已启用。</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <location filename="../../ui/sync/texts.py" line="15"/>
        <source>Not connected to a central server</source>
        <translation>未接入审批中心</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="18"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="19"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="20"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="21"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="28"/>
        <source>Waiting</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="29"/>
        <source>Failed, will retry</source>
        <translation>上传失败，将自动重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="30"/>
        <source>Needs attention</source>
        <translation>需人工处理</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="37"/>
        <source>Accepted case</source>
        <translation>受理办件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="38"/>
        <source>One-time notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="39"/>
        <source>Accepted with deferred materials</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="40"/>
        <source>Refusal</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="41"/>
        <source>Materials supplemented</source>
        <translation>补齐材料</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="44"/>
        <source>Result handed over</source>
        <translation>结果领取</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="45"/>
        <source>Applicant&apos;s rating</source>
        <translation>办事评价</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="46"/>
        <source>Rating follow-up</source>
        <translation>差评回访</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="53"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="61"/>
        <source>This PC&apos;s clock is {n} min behind the server&apos;s</source>
        <translation>本机时钟比服务器慢 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="64"/>
        <source>This PC&apos;s clock is {n} min ahead of the server&apos;s</source>
        <translation>本机时钟比服务器快 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="75"/>
        <source>The central server cannot be reached; the app keeps trying.</source>
        <translation>无法连接中心服务器，系统将自动重试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="78"/>
        <source>The central server refused a request; see the details.</source>
        <translation>中心服务器拒绝了请求，请查看详细信息。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="81"/>
        <source>This PC&apos;s registration was withdrawn by the central server: enrol again.</source>
        <translation>中心服务器已撤销本机注册，请重新注册。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="84"/>
        <source>The central server needs a newer version of this app.</source>
        <translation>中心服务器要求升级本软件至新版本。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="87"/>
        <source>The disk is full: what the central server sent could not be saved.</source>
        <translation>磁盘已满，中心服务器下发的数据未能保存。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="90"/>
        <source>The central server&apos;s certificate is not trusted: check the hall CA.</source>
        <translation>中心服务器证书不受信任，请检查大厅根证书（CA）配置。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="93"/>
        <source>The central server&apos;s address must start with https://.</source>
        <translation>中心服务器地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="96"/>
        <source>The hall CA file in the settings cannot be read.</source>
        <translation>无法读取配置中的大厅根证书（CA）文件。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="102"/>
        <source>The last sync failed.</source>
        <translation>上次同步失败。</translation>
    </message>
</context>
<context>
    <name>TicketState</name>
    <message>
        <location filename="../../ui/i18n.py" line="228"/>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="229"/>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="230"/>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="231"/>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="232"/>
        <source>No-show</source>
        <translation>已过号</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="233"/>
        <source>Parked</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="234"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="223"/>
        <source>Transferred</source>
        <translation>已转移</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="28"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="32"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="36"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="39"/>
        <source>Called at</source>
        <translation>叫号时间</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="43"/>
        <source>Recalls</source>
        <translation>重呼次数</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="64"/>
        <source>Transfer ticket</source>
        <translation>转移号码</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="65"/>
        <source>To the queue of a &amp;service</source>
        <translation>转至业务队列(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_dialogs.py" line="66"/>
        <source>To a &amp;window</source>
        <translation>转至指定窗口(&amp;W)</translation>
    </message>
</context>
<context>
    <name>WaitingCount</name>
    <message numerus="yes">
        <location filename="../../ui/clerk/summary.py" line="37"/>
        <source>%n people waiting</source>
        <translation>
            <numerusform>等候 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/clerk/summary.py" line="39"/>
        <source>{prefix} {service}: {count} waiting</source>
        <translation>{prefix} {service}：等候 {count} 人</translation>
    </message>
</context>
<context>
    <name>WaitingForSignature</name>
    <message>
        <location filename="../../ui/applicant/signing.py" line="29"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/signing.py" line="33"/>
        <source>Waiting for the applicant to sign {paper} on their screen…</source>
        <translation>等待申请人在申请人屏幕上签署{paper}…</translation>
    </message>
    <message>
        <location filename="../../ui/applicant/signing.py" line="38"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="88"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="92"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
</context>
<context>
    <name>WindowBoardModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="33"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="38"/>
        <source>Now serving</source>
        <translation>正在办理</translation>
    </message>
</context>
<context>
    <name>WindowHeader</name>
    <message>
        <location filename="../../ui/clerk/summary.py" line="23"/>
        <source>Paused: {reason}</source>
        <translation>暂停服务：{reason}</translation>
    </message>
</context>
<context>
    <name>WindowServicesDialog</name>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="26"/>
        <source>Services of {window}</source>
        <translation>{window} 的办理业务</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="28"/>
        <source>This window serves:</source>
        <translation>此窗口办理：</translation>
    </message>
</context>
<context>
    <name>WindowState</name>
    <message>
        <location filename="../../ui/i18n.py" line="241"/>
        <source>Closed</source>
        <translation>未开启</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="242"/>
        <source>Open, idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="243"/>
        <source>Calling</source>
        <translation>叫号中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="244"/>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="245"/>
        <source>Paused</source>
        <translation>暂停服务</translation>
    </message>
</context>
<context>
    <name>WindowTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="53"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="56"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="58"/>
        <source>Clerk</source>
        <translation>办事员</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="62"/>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="66"/>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="69"/>
        <source>Served today</source>
        <translation>今日办结</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="73"/>
        <source>Avg service</source>
        <translation>平均办理</translation>
    </message>
</context>
</TS>
