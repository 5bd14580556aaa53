using System.ComponentModel.DataAnnotations;

namespace SkillBridge.Web.Pages.Account;

/// <summary>The fields of every form that creates an account (setup, invitation, registration).</summary>
public class NewAccountInput
{
    [Required(ErrorMessage = "Choose a username.")]
    [StringLength(100, ErrorMessage = "A username has at most 100 characters.")]
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "A username uses letters, digits, dots, dashes and underscores only, like priya.shah.")]
    [Display(Name = "Username")]
    public string Username { get; set; } = "";

    [StringLength(200)]
    [Display(Name = "Your name, as colleagues know you")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password again")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Account fields plus an e-mail address, for forms where the person types it in.</summary>
public class NewAccountWithEmailInput : NewAccountInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.com.")]
    [StringLength(256)]
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = "";
}
