<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>ClerkFlow</name>
    <message>
        <location filename="../../ui/flow.py" line="85"/>
        <source>Opening the database…</source>
        <translation>正在连接数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="86"/>
        <location filename="../../ui/flow.py" line="114"/>
        <source>OneWindow</source>
        <translation>一窗通</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="108"/>
        <source>The database holds no service hall to work in. Start the app with --seed-demo for the demo hall, or ask the administrator.</source>
        <translation>数据库中尚无服务大厅数据。如需演示大厅，请使用 --seed-demo 参数启动；否则请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/flow.py" line="113"/>
        <source>The database cannot be opened. Please ask the administrator.</source>
        <translation>无法打开数据库，请联系系统管理员。</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="51"/>
        <source>OneWindow — {hall}</source>
        <translation>一窗通 — {hall}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="52"/>
        <source>Signed in as {name} at window {window}</source>
        <translation>当前登录：{name}（{window}号窗口）</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="64"/>
        <source>&amp;Session</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="65"/>
        <source>Sign &amp;out</source>
        <translation>注销登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="68"/>
        <source>&amp;Lock the screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="71"/>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/main_window.py" line="73"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
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
    <name>LockOverlay</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="98"/>
        <source>The screen is locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="102"/>
        <source>Signed in: {name}</source>
        <translation>当前登录：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="105"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="107"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="110"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="63"/>
        <source>OneWindow — Sign in</source>
        <translation>一窗通 — 登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="76"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="77"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="84"/>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="85"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="86"/>
        <source>&amp;Window number:</source>
        <translation>窗口号(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="96"/>
        <source>Please enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="102"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="136"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>无法连接数据库，请稍后重试。</translation>
    </message>
</context>
<context>
    <name>LoginFailure</name>
    <message>
        <location filename="../../ui/i18n.py" line="129"/>
        <source>Too many failed attempts: this account is locked until %1. A supervisor or administrator can unlock it sooner.</source>
        <translation>登录失败次数过多，账号已锁定至 %1。主管或管理员可提前解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="135"/>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="138"/>
        <source>This account is disabled. Please contact the administrator.</source>
        <translation>该账号已停用，请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="141"/>
        <source>Your password has expired. Please choose a new one.</source>
        <translation>密码已过期，请设置新密码。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="144"/>
        <source>The administrator set this password. Please choose your own.</source>
        <translation>此密码由管理员设置，请设置您自己的密码。</translation>
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
    <name>PasswordProblem</name>
    <message>
        <location filename="../../ui/i18n.py" line="161"/>
        <source>It must have at least %1 characters.</source>
        <translation>密码至少须有 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="164"/>
        <source>It may have at most %1 characters.</source>
        <translation>密码最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="167"/>
        <source>It contains a control or invisible character.</source>
        <translation>密码含有控制字符或不可见字符。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="170"/>
        <source>It must mix at least %1 of: capital letters, small letters, digits, symbols.</source>
        <translation>密码须包含大写字母、小写字母、数字、符号中的至少 %1 类。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="174"/>
        <source>It must not contain your username.</source>
        <translation>密码不得包含用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="177"/>
        <source>It is on the list of common or leaked passwords.</source>
        <translation>该密码属于常见或已泄露的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="180"/>
        <source>It was one of your last %1 passwords.</source>
        <translation>该密码与最近 %1 次使用过的密码之一相同。</translation>
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
        <location filename="../../ui/i18n.py" line="217"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="218"/>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="219"/>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="220"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../ui/i18n.py" line="82"/>
        <source>This service does not exist.</source>
        <translation>该业务不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="85"/>
        <source>This service is not offered now.</source>
        <translation>该业务当前暂停办理。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="88"/>
        <source>There is no window with this number.</source>
        <translation>不存在该窗口号。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="91"/>
        <source>There is no ticket with this number today.</source>
        <translation>今日没有该号码。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="94"/>
        <source>The window is closed.</source>
        <translation>窗口未开启。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="95"/>
        <source>Service is paused at this window.</source>
        <translation>本窗口已暂停服务。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="98"/>
        <source>The window already has a ticket: finish, skip or park it first.</source>
        <translation>本窗口已有当前号码，请先办结、过号或挂起。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="101"/>
        <source>The window has no current ticket.</source>
        <translation>本窗口当前没有号码。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="104"/>
        <source>The ticket&apos;s state does not allow this.</source>
        <translation>该号码当前状态不允许此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="107"/>
        <source>The hall is closed now.</source>
        <translation>当前不在大厅办公时间。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="108"/>
        <source>No more tickets today: past the cut-off time.</source>
        <translation>今日已过取号截止时间。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="111"/>
        <source>No more tickets today: the daily limit is reached.</source>
        <translation>今日该业务取号已达上限。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="114"/>
        <source>This window does not serve that service.</source>
        <translation>本窗口不办理该业务。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="117"/>
        <source>The no-show grace period has passed.</source>
        <translation>已超过过号保留时限。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="120"/>
        <source>The request is not valid.</source>
        <translation>请求无效。</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="223"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="253"/>
        <source>The database cannot be reached. Please try again.</source>
        <translation>无法连接数据库，请重试。</translation>
    </message>
</context>
<context>
    <name>TicketState</name>
    <message>
        <location filename="../../ui/i18n.py" line="193"/>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="194"/>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="195"/>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="196"/>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="197"/>
        <source>No-show</source>
        <translation>已过号</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="198"/>
        <source>Parked</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="199"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="188"/>
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
    <name>WindowHeader</name>
    <message>
        <location filename="../../ui/clerk/summary.py" line="23"/>
        <source>Paused: {reason}</source>
        <translation>暂停服务：{reason}</translation>
    </message>
</context>
<context>
    <name>WindowState</name>
    <message>
        <location filename="../../ui/i18n.py" line="206"/>
        <source>Closed</source>
        <translation>未开启</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="207"/>
        <source>Open, idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="208"/>
        <source>Calling</source>
        <translation>叫号中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="209"/>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="210"/>
        <source>Paused</source>
        <translation>暂停服务</translation>
    </message>
</context>
</TS>
