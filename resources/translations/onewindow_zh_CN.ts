<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertKind</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="213"/>
        <source>Long wait</source>
        <translation>等候过长</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="214"/>
        <source>Long pause</source>
        <translation>暂停过长</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="215"/>
        <source>No open window</source>
        <translation>无窗口办理</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="216"/>
        <source>Crowded</source>
        <translation>排队人多</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="223"/>
        <source>longest wait {value} min (limit {limit} min)</source>
        <translation>最长已等 {value} 分钟（上限 {limit} 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="226"/>
        <source>paused for {value} min (limit {limit} min)</source>
        <translation>已暂停 {value} 分钟（上限 {limit} 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="229"/>
        <source>{value} waiting, no open window serves this service</source>
        <translation>{value} 人等候，没有开放的窗口办理此业务</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="232"/>
        <source>{value} waiting (limit {limit})</source>
        <translation>{value} 人等候（上限 {limit} 人）</translation>
    </message>
</context>
<context>
    <name>AlertTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="256"/>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="256"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="256"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>CallerPanel</name>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="104"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="105"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="106"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="107"/>
        <source>Start service</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="108"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="109"/>
        <source>Transfer…</source>
        <translation>转移…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="110"/>
        <source>Park…</source>
        <translation>挂起…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="111"/>
        <location filename="../../ui/clerk/caller_panel.py" line="289"/>
        <source>Pause…</source>
        <translation>暂停服务…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="140"/>
        <source>Today&apos;s tickets at this window</source>
        <translation>本窗口今日叫号记录</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="168"/>
        <source>The queue cannot be read. Please check the network.</source>
        <translation>无法读取排队信息，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="263"/>
        <source>The operation failed. Please try again.</source>
        <translation>操作失败，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="293"/>
        <source>Open window</source>
        <translation>开启窗口</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/caller_panel.py" line="294"/>
        <source>Resume service</source>
        <translation>恢复服务</translation>
    </message>
</context>
<context>
    <name>ClerkFlow</name>
    <message>
        <location filename="../../ui/flow.py" line="82"/>
        <source>Opening the database…</source>
        <translation>正在连接数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="83"/>
        <location filename="../../ui/flow.py" line="109"/>
        <source>OneWindow</source>
        <translation>一窗通</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="103"/>
        <source>The database holds no service hall to work in. Start the app with --seed-demo for the demo hall, or ask the administrator.</source>
        <translation>数据库中尚无服务大厅数据。如需演示大厅，请使用 --seed-demo 参数启动；否则请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="108"/>
        <source>The database cannot be opened. Please ask the administrator.</source>
        <translation>无法打开数据库，请联系系统管理员。</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="40"/>
        <source>OneWindow — {hall}</source>
        <translation>一窗通 — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="41"/>
        <source>Signed in as {name} at window {window}</source>
        <translation>当前登录：{name}（{window}号窗口）</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="49"/>
        <source>&amp;Session</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="50"/>
        <source>Sign &amp;out</source>
        <translation>注销登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="53"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
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
    <name>CurrentTicketView</name>
    <message>
        <location filename="../../ui/clerk/current_ticket.py" line="34"/>
        <source>Current ticket</source>
        <translation>当前号码</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/current_ticket.py" line="47"/>
        <location filename="../../ui/clerk/current_ticket.py" line="49"/>
        <source>No current ticket</source>
        <translation>暂无办理号码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/clerk/current_ticket.py" line="61"/>
        <source>recalled %n time(s)</source>
        <translation>
            <numerusform>已重呼 %n 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../ui/display/display.py" line="112"/>
        <source>Offline: reconnecting to the queue…</source>
        <translation>离线：正在重新连接排队系统…</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="118"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="128"/>
        <source>Last calls</source>
        <translation>最近呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="129"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/display/display.py" line="209"/>
        <source>Please go to {window}</source>
        <translation>请到 {window}</translation>
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
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="119"/>
        <source>Please choose a service</source>
        <translation>请选择办理的业务</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="122"/>
        <source>Priority service: elderly, disabled, pregnant, service members</source>
        <translation>优先服务：老年人、残疾人、孕妇、军人</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="125"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="142"/>
        <source>Scan the barcode of your booking, or type its code and press OK</source>
        <translation>请扫描预约条码，或输入预约码后按“确定”</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="159"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="161"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="179"/>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="181"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="193"/>
        <source>Back to the start</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="261"/>
        <source>Tickets cannot be issued at the moment. Please ask the staff for help.</source>
        <translation>暂时无法取号，请向工作人员求助。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/kiosk.py" line="298"/>
        <source>%n person(s) ahead of you</source>
        <translation>
            <numerusform>您前面有 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/kiosk.py" line="299"/>
        <source>Estimated wait: about %n minute(s)</source>
        <translation>
            <numerusform>预计等候约 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="312"/>
        <source>Sorry, no ticket could be issued. Please ask the staff for help.</source>
        <translation>抱歉，未能取号，请向工作人员求助。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="329"/>
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="338"/>
        <source>Please take your ticket below.</source>
        <translation>请在下方取走号票。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/kiosk.py" line="351"/>
        <source>The ticket could not be printed ({reason}). Your number is valid: please remember it, or press Print again.</source>
        <translation>号票未能打印（{reason}）。您的号码依然有效：请记住号码，或按“重新打印”。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="60"/>
        <source>OneWindow — Sign in</source>
        <translation>一窗通 — 登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="73"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="81"/>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="82"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="83"/>
        <source>&amp;Window number:</source>
        <translation>窗口号(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="93"/>
        <source>Please enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="99"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="135"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>无法连接数据库，请稍后重试。</translation>
    </message>
</context>
<context>
    <name>LoginFailure</name>
    <message>
        <location filename="../../ui/i18n.py" line="137"/>
        <source>Too many failed attempts: this account is locked until %1. A supervisor or administrator can unlock it sooner.</source>
        <translation>登录失败次数过多，账号已锁定至 %1。主管或管理员可提前解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="143"/>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="146"/>
        <source>This account is disabled. Please contact the administrator.</source>
        <translation>该账号已停用，请联系系统管理员。</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="12"/>
        <source>Nobody is waiting for this window&apos;s services.</source>
        <translation>本窗口业务暂无等候人员。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="15"/>
        <source>Called {number}.</source>
        <translation>已呼叫 {number} 号。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="20"/>
        <source>{number} was recalled too often and is now a no-show.</source>
        <translation>{number} 号重呼次数已达上限，已按过号处理。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="24"/>
        <source>Recalled {number}.</source>
        <translation>已重呼 {number} 号。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="29"/>
        <source>{number} did not come: marked as a no-show.</source>
        <translation>{number} 号未到，已过号。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="34"/>
        <source>Serving {number}.</source>
        <translation>开始办理 {number} 号。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="38"/>
        <source>{number} is done.</source>
        <translation>{number} 号已办结。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="42"/>
        <source>{number} transferred to {target}.</source>
        <translation>{number} 号已转移至{target}。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="48"/>
        <source>{number} parked; it can be called again in {minutes} min.</source>
        <translation>{number} 号已挂起，{minutes} 分钟后可重新呼叫。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="55"/>
        <source>Service paused: {reason}.</source>
        <translation>已暂停服务：{reason}。</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/outcomes.py" line="59"/>
        <source>Service resumed.</source>
        <translation>已恢复服务。</translation>
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
    <name>ParkDialog</name>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="117"/>
        <source>Park ticket</source>
        <translation>挂起号码</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="121"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="123"/>
        <source>Back in &amp;minutes:</source>
        <translation>挂起时长(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="132"/>
        <source>Pause service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="135"/>
        <source>Reason for pausing service:</source>
        <translation>暂停服务原因：</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="143"/>
        <source>Describe the reason</source>
        <translation>请填写具体原因</translation>
    </message>
</context>
<context>
    <name>PauseReason</name>
    <message>
        <location filename="../../ui/i18n.py" line="183"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="184"/>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="185"/>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="186"/>
        <source>Other</source>
        <translation>其他</translation>
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
    <name>RecentCallsModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="128"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="128"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../ui/i18n.py" line="81"/>
        <source>This service does not exist.</source>
        <translation>该业务不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="84"/>
        <source>This service is not offered now.</source>
        <translation>该业务当前暂停办理。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="87"/>
        <source>There is no window with this number.</source>
        <translation>不存在该窗口号。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="90"/>
        <source>There is no ticket with this number today.</source>
        <translation>今日没有该号码。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="93"/>
        <source>The window is closed.</source>
        <translation>窗口未开启。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="94"/>
        <source>Service is paused at this window.</source>
        <translation>本窗口已暂停服务。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="97"/>
        <source>The window already has a ticket: finish, skip or park it first.</source>
        <translation>本窗口已有当前号码，请先办结、过号或挂起。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="100"/>
        <source>The window has no current ticket.</source>
        <translation>本窗口当前没有号码。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="103"/>
        <source>The ticket&apos;s state does not allow this.</source>
        <translation>该号码当前状态不允许此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="106"/>
        <source>The hall is closed now.</source>
        <translation>当前不在大厅办公时间。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="107"/>
        <source>No more tickets today: past the cut-off time.</source>
        <translation>今日已过取号截止时间。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="110"/>
        <source>No more tickets today: the daily limit is reached.</source>
        <translation>今日该业务取号已达上限。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="113"/>
        <source>This window does not serve that service.</source>
        <translation>本窗口不办理该业务。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="116"/>
        <source>The no-show grace period has passed.</source>
        <translation>已超过过号保留时限。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="119"/>
        <source>The request is not valid.</source>
        <translation>请求无效。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="122"/>
        <source>No appointment has this code. Please check the code or ask at the desk.</source>
        <translation>没有此预约码的预约，请核对或到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="125"/>
        <source>This appointment is for another day.</source>
        <translation>该预约不是今天的。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="128"/>
        <source>This appointment has already been checked in.</source>
        <translation>该预约已经签到。</translation>
    </message>
</context>
<context>
    <name>ScanMessages</name>
    <message>
        <location filename="../../ui/scans/messages.py" line="17"/>
        <source>a JPEG picture</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="18"/>
        <source>a PNG picture</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="19"/>
        <source>a TIFF picture</source>
        <translation>TIFF 图片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="20"/>
        <source>a BMP picture</source>
        <translation>BMP 图片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="21"/>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="22"/>
        <source>a GIF animation</source>
        <translation>GIF 动图</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="23"/>
        <source>a WebP picture</source>
        <translation>WebP 图片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="24"/>
        <source>a HEIC/HEIF phone photo</source>
        <translation>HEIC/HEIF 手机照片</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="25"/>
        <source>a video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="26"/>
        <source>a Windows executable program</source>
        <translation>Windows 可执行程序</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="29"/>
        <source>a Linux executable program</source>
        <translation>Linux 可执行程序</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="32"/>
        <source>a macOS executable program</source>
        <translation>macOS 可执行程序</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="35"/>
        <source>a script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="36"/>
        <source>a ZIP archive (or an Office or OFD document)</source>
        <translation>ZIP 压缩包（或 Office、OFD 文档）</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="39"/>
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="40"/>
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="41"/>
        <source>a gzip archive</source>
        <translation>gzip 压缩包</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="42"/>
        <source>an old Office document (.doc, .xls)</source>
        <translation>旧版 Office 文档（.doc、.xls）</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="45"/>
        <source>an RTF document</source>
        <translation>RTF 文档</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="46"/>
        <source>a PostScript file</source>
        <translation>PostScript 文件</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="47"/>
        <source>a web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="48"/>
        <source>an XML or SVG file</source>
        <translation>XML 或 SVG 文件</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="49"/>
        <source>an empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="50"/>
        <source>of an unknown type</source>
        <translation>未知类型的文件</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="67"/>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="70"/>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="71"/>
        <source>The file is too large: {size} MB, at most {limit} MB.</source>
        <translation>文件过大：{size} MB，最大 {limit} MB。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="74"/>
        <source>This file is {kind}, not a scan: only JPEG, PNG, TIFF, BMP and PDF are taken.</source>
        <translation>该文件是{kind}，不是扫描件：只接收 JPEG、PNG、TIFF、BMP 和 PDF。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="78"/>
        <source>The file has {pages} pages, at most {limit} are taken at once.</source>
        <translation>文件共 {pages} 页，一次最多接收 {limit} 页。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="82"/>
        <source>The PDF is protected by a password: ask for an unprotected copy.</source>
        <translation>该 PDF 设有密码保护，请索取未加密的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="85"/>
        <source>The file is damaged or incomplete and cannot be opened.</source>
        <translation>文件已损坏或不完整，无法打开。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="88"/>
        <source>The resolution is {dpi} dpi; at least {limit} dpi is needed. Scan it again.</source>
        <translation>分辨率为 {dpi} dpi，至少需要 {limit} dpi，请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="99"/>
        <source>The picture declares more than the {limit} million pixels allowed (a damaged or malicious file).</source>
        <translation>图片声明的像素超过允许的 {limit} 百万（文件已损坏或为恶意文件）。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="104"/>
        <source>The picture declares {width} × {height} pixels, more than the {limit} million allowed (a damaged or malicious file).</source>
        <translation>图片声明为 {width} × {height} 像素，超过允许的 {limit} 百万像素（文件已损坏或为恶意文件）。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="115"/>
        <source>{file}, page {page}: {reason}</source>
        <translation>{file}，第 {page} 页：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="118"/>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="125"/>
        <source>Scanning is not installed on this PC (SANE&apos;s scanimage is missing).</source>
        <translation>本机未安装扫描功能（缺少 SANE 的 scanimage）。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="128"/>
        <source>The scanner was not found. Is it switched on and connected?</source>
        <translation>找不到扫描仪，请检查是否已开机并连接。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="131"/>
        <source>The scanner is busy with another program.</source>
        <translation>扫描仪正被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="134"/>
        <source>The document feeder is empty.</source>
        <translation>进纸器中没有文件。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="137"/>
        <source>Paper jam: clear the feeder and scan the rest again.</source>
        <translation>卡纸：请清理进纸器后重新扫描剩余页。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="140"/>
        <source>The scanner cover is open.</source>
        <translation>扫描仪盖板未合上。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/messages.py" line="143"/>
        <source>The scanner reported an error.</source>
        <translation>扫描仪报告了错误。</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../ui/scans/panel.py" line="100"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="103"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="105"/>
        <source>Watch scan folder</source>
        <translation>监视扫描文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="109"/>
        <source>Take from camera</source>
        <translation>高拍仪拍摄</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="112"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="147"/>
        <source>Assign to material</source>
        <translation>归入材料</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="149"/>
        <source>Move earlier</source>
        <translation>前移</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="151"/>
        <source>Move later</source>
        <translation>后移</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="153"/>
        <source>Not blank: keep</source>
        <translation>非空白页：保留</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="155"/>
        <source>Remove page</source>
        <translation>删除此页</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="172"/>
        <source>Refused files</source>
        <translation>未接收的文件</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="200"/>
        <source>Not assigned</source>
        <translation>未归类</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="225"/>
        <source>The camera could not take a picture; try again.</source>
        <translation>高拍仪未能拍摄，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="245"/>
        <source>Import scanned pages</source>
        <translation>导入扫描页</translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="247"/>
        <source>Scans (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
        <translation>扫描件 (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="292"/>
        <source>Stopped: %n page(s) taken before cancelling.</source>
        <translation>
            <numerusform>已停止：取消前已接收 %n 页。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="295"/>
        <source>%n page(s) taken</source>
        <translation>
            <numerusform>已接收 %n 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="296"/>
        <source>, %n file(s) refused</source>
        <translation>
            <numerusform>，%n 个文件未接收</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/scans/panel.py" line="308"/>
        <source>Scanning failed unexpectedly; see the log.</source>
        <translation>扫描意外失败，请查看日志。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scans/panel.py" line="356"/>
        <source>%n page(s) look blank: keep or remove them.</source>
        <translation>
            <numerusform>%n 页疑似空白：请保留或删除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreenFlow</name>
    <message>
        <location filename="../../ui/screens.py" line="75"/>
        <source>This screen signs in with a device account: set [device] user and password in the config file.</source>
        <translation>此屏幕使用设备账号登录：请在配置文件中设置 [device] 的 user 和 password。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="81"/>
        <source>No ticket printer is configured for this kiosk.</source>
        <translation>此取号机未配置号票打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="110"/>
        <location filename="../../ui/screens.py" line="119"/>
        <source>OneWindow</source>
        <translation>一窗通</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="116"/>
        <source>The screen cannot start: {error}</source>
        <translation>屏幕无法启动：{error}</translation>
    </message>
</context>
<context>
    <name>ServiceTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="180"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="181"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="182"/>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="183"/>
        <source>Avg wait today</source>
        <translation>今日平均等候</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="184"/>
        <source>Estimated wait</source>
        <translation>预计等候</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="185"/>
        <source>Open windows</source>
        <translation>开放窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="201"/>
        <source>no open window</source>
        <translation>无开放窗口</translation>
    </message>
</context>
<context>
    <name>Supervisor</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="38"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
</context>
<context>
    <name>SupervisorDashboard</name>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="104"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="105"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="106"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="129"/>
        <source>Open window</source>
        <translation>开启窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="130"/>
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="131"/>
        <source>Services…</source>
        <translation>办理业务…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="140"/>
        <source>Ticket number, e.g. A012</source>
        <translation>号码，例如 A012</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="142"/>
        <source>Transfer…</source>
        <translation>转移…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="143"/>
        <source>Cancel ticket</source>
        <translation>取消号票</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="144"/>
        <source>Prioritise</source>
        <translation>设为优先</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="147"/>
        <source>{number} cancelled.</source>
        <translation>{number} 号已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="151"/>
        <source>{number} moved to the priority class.</source>
        <translation>{number} 号已设为优先。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="155"/>
        <source>Ticket:</source>
        <translation>号票：</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="161"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="164"/>
        <source>Services</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="167"/>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="175"/>
        <source>Blue: today. Grey: the same weekday last week.</source>
        <translation>蓝色：今天；灰色：上周同一天。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="177"/>
        <source>Arrivals per hour</source>
        <translation>每小时取号人数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="179"/>
        <source>Average wait per hour of arrival (minutes)</source>
        <translation>各时段取号的平均等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="192"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="193"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="197"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="198"/>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="243"/>
        <source>The queue cannot be read. Please check the network.</source>
        <translation>无法读取排队信息，请检查网络。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="279"/>
        <location filename="../../ui/supervisor/dashboard.py" line="286"/>
        <source>Select a window first.</source>
        <translation>请先选择一个窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="281"/>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="301"/>
        <source>The window&apos;s services are changed.</source>
        <translation>窗口的办理业务已修改。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="307"/>
        <source>Enter a ticket number first.</source>
        <translation>请先输入号码。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="334"/>
        <source>{number} transferred.</source>
        <translation>{number} 号已转移。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="342"/>
        <source>The operation failed. Please try again.</source>
        <translation>操作失败，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="351"/>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="354"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="355"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="373"/>
        <source>Statistics saved to {path}.</source>
        <translation>统计已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="384"/>
        <source>The statistics could not be saved: {error}</source>
        <translation>统计未能保存：{error}</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="38"/>
        <source>OneWindow supervisor — {hall}</source>
        <translation>一窗通 值班长 — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="40"/>
        <source>Signed in as {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="42"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="43"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/main_window.py" line="46"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>TicketState</name>
    <message>
        <location filename="../../ui/i18n.py" line="159"/>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="160"/>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="161"/>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="162"/>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="163"/>
        <source>No-show</source>
        <translation>已过号</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="164"/>
        <source>Parked</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="165"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="154"/>
        <source>Transferred</source>
        <translation>已转移</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="62"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="63"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="64"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="65"/>
        <source>Called at</source>
        <translation>叫号时间</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/ticket_model.py" line="66"/>
        <source>Recalls</source>
        <translation>重呼次数</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="63"/>
        <source>Transfer ticket</source>
        <translation>转移号码</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="64"/>
        <source>To the queue of a &amp;service</source>
        <translation>转至业务队列(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/dialogs.py" line="65"/>
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
    <name>WaitingModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="157"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="157"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
</context>
<context>
    <name>WindowBoardModel</name>
    <message>
        <location filename="../../ui/display/models.py" line="87"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/display/models.py" line="87"/>
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
        <location filename="../../ui/i18n.py" line="172"/>
        <source>Closed</source>
        <translation>未开启</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="173"/>
        <source>Open, idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="174"/>
        <source>Calling</source>
        <translation>叫号中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="175"/>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="176"/>
        <source>Paused</source>
        <translation>暂停服务</translation>
    </message>
</context>
<context>
    <name>WindowTableModel</name>
    <message>
        <location filename="../../ui/supervisor/models.py" line="128"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="129"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="130"/>
        <source>Clerk</source>
        <translation>办事员</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="131"/>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="132"/>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="133"/>
        <source>Served today</source>
        <translation>今日办结</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/models.py" line="134"/>
        <source>Avg service</source>
        <translation>平均办理</translation>
    </message>
</context>
</TS>
